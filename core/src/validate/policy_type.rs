//! Every type of policy AWS evaluates, with the facts validation needs about each: which elements
//! it takes, its size quota and the code reported past it (docs/semantics.md section 9.4).

use crate::codes::{self, Code};

/// The type of a policy document. It decides whether `Principal` is required or forbidden, which
/// elements are allowed, and the size quota.
///
/// Written `policy!(kind = S3Bucket, { .. })` in Rust, `--policy-type s3-bucket` in the CLI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PolicyType {
    /// An identity policy: a customer managed policy, also used as a permissions boundary
    /// (6,144 characters). The default.
    #[default]
    Managed,
    /// The inline policies of a user (2,048 characters in all).
    User,
    /// The inline policies of a group (5,120 characters in all).
    Group,
    /// The inline policies of a role (10,240 characters in all).
    Role,
    /// A session policy passed to `AssumeRole*` or `GetFederationToken` (2,048 characters).
    Session,
    /// A role trust policy: `Principal` required, no `Resource` (2,048 characters by default).
    Trust,
    /// A service control policy of AWS Organizations (5,120 characters).
    Scp,
    /// A resource control policy of AWS Organizations (5,120 characters).
    Rcp,
    /// A VPC endpoint policy (20,480 characters, white space included).
    VpcEndpoint,
    /// A resource-based policy of any other service: `Principal` required, `Resource` optional.
    Resource,
    /// An Amazon S3 bucket policy (20 KB).
    S3Bucket,
    /// An AWS KMS key policy (32 KB; `Resource` required).
    KmsKey,
    /// An Amazon SQS queue policy (8 KB).
    SqsQueue,
    /// An Amazon SNS topic policy (30 KB).
    SnsTopic,
    /// An AWS Lambda function policy (20 KB).
    LambdaFunction,
    /// An AWS Secrets Manager secret policy (20 KB).
    SecretsManagerSecret,
    /// An Amazon ECR repository policy (10 KB).
    EcrRepository,
}

/// The families that share their rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// Identity policies, boundaries and session policies: no `Principal`.
    Identity,
    /// Resource-based policies: `Principal` or `NotPrincipal` required.
    Resource,
    /// Role trust policies.
    Trust,
    /// Service control policies.
    Scp,
    /// Resource control policies.
    Rcp,
    /// VPC endpoint policies.
    Endpoint,
}

impl PolicyType {
    /// Every type, in the order of the documentation.
    pub const ALL: [PolicyType; 17] = [
        PolicyType::Managed,
        PolicyType::User,
        PolicyType::Group,
        PolicyType::Role,
        PolicyType::Session,
        PolicyType::Trust,
        PolicyType::Scp,
        PolicyType::Rcp,
        PolicyType::VpcEndpoint,
        PolicyType::Resource,
        PolicyType::S3Bucket,
        PolicyType::KmsKey,
        PolicyType::SqsQueue,
        PolicyType::SnsTopic,
        PolicyType::LambdaFunction,
        PolicyType::SecretsManagerSecret,
        PolicyType::EcrRepository,
    ];

    /// The family whose element rules the type follows.
    #[must_use]
    pub const fn family(self) -> Family {
        match self {
            PolicyType::Managed
            | PolicyType::User
            | PolicyType::Group
            | PolicyType::Role
            | PolicyType::Session => Family::Identity,
            PolicyType::Trust => Family::Trust,
            PolicyType::Scp => Family::Scp,
            PolicyType::Rcp => Family::Rcp,
            PolicyType::VpcEndpoint => Family::Endpoint,
            PolicyType::Resource
            | PolicyType::S3Bucket
            | PolicyType::KmsKey
            | PolicyType::SqsQueue
            | PolicyType::SnsTopic
            | PolicyType::LambdaFunction
            | PolicyType::SecretsManagerSecret
            | PolicyType::EcrRepository => Family::Resource,
        }
    }

    /// True for the types whose statements name a principal (`Principal` or `NotPrincipal`).
    #[must_use]
    pub const fn has_principals(self) -> bool {
        !matches!(self.family(), Family::Identity | Family::Scp)
    }

    /// True for resource-based policies (trust policies included, as AWS counts them).
    #[must_use]
    pub const fn is_resource_based(self) -> bool {
        matches!(self.family(), Family::Resource | Family::Trust)
    }

    /// The size quota, in characters, counted without white space (AWS counts it for endpoint
    /// policies and the byte quotas of resource-based policies); `None` where AWS states none.
    #[must_use]
    pub const fn size_quota(self) -> Option<usize> {
        Some(match self {
            PolicyType::Managed => 6_144,
            PolicyType::User => 2_048,
            PolicyType::Group => 5_120,
            PolicyType::Role => 10_240,
            PolicyType::Session => 2_048,
            PolicyType::Trust => 2_048,
            PolicyType::Scp | PolicyType::Rcp => 5_120,
            PolicyType::VpcEndpoint => 20_480,
            PolicyType::S3Bucket => 20_480,
            PolicyType::KmsKey => 32_768,
            PolicyType::SqsQueue => 8_192,
            PolicyType::SnsTopic => 30_720,
            PolicyType::LambdaFunction => 20_480,
            PolicyType::SecretsManagerSecret => 20_480,
            PolicyType::EcrRepository => 10_240,
            PolicyType::Resource => return None,
        })
    }

    /// The code reported when a policy exceeds its quota.
    #[must_use]
    pub const fn size_code(self) -> Code {
        match self.family() {
            Family::Identity if matches!(self, PolicyType::Session) => {
                codes::POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA
            }
            Family::Identity => codes::POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA,
            Family::Resource => codes::POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA,
            Family::Trust => codes::POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA,
            Family::Scp => codes::POLICY_SIZE_EXCEEDS_SCP_QUOTA,
            Family::Rcp => codes::POLICY_SIZE_EXCEEDS_RCP_QUOTA,
            Family::Endpoint => codes::POLICY_SIZE_EXCEEDS_VPC_ENDPOINT_POLICY_QUOTA,
        }
    }

    /// The name used by the CLI (`--policy-type s3-bucket`) and in messages.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            PolicyType::Managed => "managed",
            PolicyType::User => "user",
            PolicyType::Group => "group",
            PolicyType::Role => "role",
            PolicyType::Session => "session",
            PolicyType::Trust => "trust",
            PolicyType::Scp => "scp",
            PolicyType::Rcp => "rcp",
            PolicyType::VpcEndpoint => "vpc-endpoint",
            PolicyType::Resource => "resource",
            PolicyType::S3Bucket => "s3-bucket",
            PolicyType::KmsKey => "kms-key",
            PolicyType::SqsQueue => "sqs-queue",
            PolicyType::SnsTopic => "sns-topic",
            PolicyType::LambdaFunction => "lambda-function",
            PolicyType::SecretsManagerSecret => "secrets-manager-secret",
            PolicyType::EcrRepository => "ecr-repository",
        }
    }

    /// The name of the variant, as written in `policy!(kind = ..)`.
    #[must_use]
    pub const fn rust_name(self) -> &'static str {
        match self {
            PolicyType::Managed => "Managed",
            PolicyType::User => "User",
            PolicyType::Group => "Group",
            PolicyType::Role => "Role",
            PolicyType::Session => "Session",
            PolicyType::Trust => "Trust",
            PolicyType::Scp => "Scp",
            PolicyType::Rcp => "Rcp",
            PolicyType::VpcEndpoint => "VpcEndpoint",
            PolicyType::Resource => "Resource",
            PolicyType::S3Bucket => "S3Bucket",
            PolicyType::KmsKey => "KmsKey",
            PolicyType::SqsQueue => "SqsQueue",
            PolicyType::SnsTopic => "SnsTopic",
            PolicyType::LambdaFunction => "LambdaFunction",
            PolicyType::SecretsManagerSecret => "SecretsManagerSecret",
            PolicyType::EcrRepository => "EcrRepository",
        }
    }

    /// What the policy is, in words: "an S3 bucket policy".
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            PolicyType::Managed => "an identity policy",
            PolicyType::User => "a user's inline policy",
            PolicyType::Group => "a group's inline policy",
            PolicyType::Role => "a role's inline policy",
            PolicyType::Session => "a session policy",
            PolicyType::Trust => "a role trust policy",
            PolicyType::Scp => "a service control policy",
            PolicyType::Rcp => "a resource control policy",
            PolicyType::VpcEndpoint => "a VPC endpoint policy",
            PolicyType::Resource => "a resource-based policy",
            PolicyType::S3Bucket => "an S3 bucket policy",
            PolicyType::KmsKey => "a KMS key policy",
            PolicyType::SqsQueue => "an SQS queue policy",
            PolicyType::SnsTopic => "an SNS topic policy",
            PolicyType::LambdaFunction => "a Lambda function policy",
            PolicyType::SecretsManagerSecret => "a Secrets Manager secret policy",
            PolicyType::EcrRepository => "an ECR repository policy",
        }
    }

    /// The type named `name` (CLI name, `managed`, `s3-bucket`, ...).
    #[must_use]
    pub fn from_name(name: &str) -> Option<PolicyType> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The type whose variant is named `name` (`S3Bucket`).
    #[must_use]
    pub fn from_rust_name(name: &str) -> Option<PolicyType> {
        Self::ALL.into_iter().find(|t| t.rust_name() == name)
    }

    /// True when a statement must have a `Resource` or `NotResource` (trust policies may not, and
    /// most resource-based policies default to the resource they are attached to).
    #[must_use]
    pub const fn requires_resource(self) -> bool {
        match self.family() {
            Family::Trust => false,
            Family::Resource => matches!(self, PolicyType::KmsKey | PolicyType::S3Bucket),
            _ => true,
        }
    }

    /// The service whose resource the policy is attached to, for the types of one resource type
    /// (`s3` for `S3Bucket`): its statements can only name that service's actions and ARNs.
    #[must_use]
    pub const fn service(self) -> Option<&'static str> {
        Some(match self {
            PolicyType::S3Bucket => "s3",
            PolicyType::KmsKey => "kms",
            PolicyType::SqsQueue => "sqs",
            PolicyType::SnsTopic => "sns",
            PolicyType::LambdaFunction => "lambda",
            PolicyType::SecretsManagerSecret => "secretsmanager",
            PolicyType::EcrRepository => "ecr",
            _ => return None,
        })
    }

    /// True when `Version` is required (SCPs and RCPs).
    #[must_use]
    pub const fn requires_version(self) -> bool {
        matches!(self.family(), Family::Scp | Family::Rcp)
    }
}

impl std::fmt::Display for PolicyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
