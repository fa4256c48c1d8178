//! The benchmark policies in Cedar (`cedar-policy`), decided by `Authorizer::is_authorized` with
//! the request, entities and policy set built beforehand.
//!
//! Where Cedar cannot say what IAM says, the Cedar policy is the closest honest equivalent:
//! - action names are exact entity ids in Cedar (IAM: case-insensitive): requests use AWS's spelling;
//! - wildcard actions (`Get*`, all of `ReadOnlyAccess`) have no Cedar form: the action name is also
//!   passed in the context and matched with `like` (Cedar's `*` crosses `:`, as in IAM's action names);
//! - an ARN pattern is one `like` over the whole ARN: Cedar's `*` also crosses `:`, so
//!   `arn:aws:ec2:*:*:instance/*` is looser than in IAM, where `*` stays inside its part;
//! - `${aws:username}` in a pattern: Cedar cannot build a pattern from a value, so the application
//!   passes the session's owner as a resource attribute and the policy compares it;
//! - context keys are exact attribute names in Cedar (IAM: case-insensitive).

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use cedar_policy::{
    Authorizer, Context, Entities, Entity, EntityUid, PolicySet, Request, RestrictedExpression,
};
use iam_policy::Decision;

use crate::{Case, Subject};

const P1: &str = r#"
permit(principal, action == Action::"ssm:StartSession", resource)
when { resource.arn == "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE"
    || resource.arn == "arn:aws:ec2:us-east-2:123456789012:instance/i-abcdefghijEXAMPLE"
    || resource.arn == "arn:aws:ec2:us-east-2:123456789012:instance/i-0e9d8c7b6aEXAMPLE" };
permit(principal, action == Action::"ssm:TerminateSession", resource)
when { resource.arn like "arn:aws:ssm:*:*:session/*" && context has username
    && resource has owner && resource.owner == context.username };
"#;

const P2: &str = r#"
permit(principal, action == Action::"ssm:StartSession", resource)
when { resource.arn like "arn:aws:ec2:*:*:instance/*"
    && context has "ssm:resourceTag/Finance"
    && context["ssm:resourceTag/Finance"] == "WebServers" };
permit(principal, action == Action::"ssm:TerminateSession", resource)
when { resource.arn like "arn:aws:ssm:*:*:session/*" && context has username
    && resource has owner && resource.owner == context.username };
"#;

const P3: &str = r#"
permit(principal, action == Action::"ssm:StartSession", resource)
when { context has "ssm:resourceTag/tag-key1" && context["ssm:resourceTag/tag-key1"] == "tag-value1"
    && context has "ssm:resourceTag/tag-key2" && context["ssm:resourceTag/tag-key2"] == "tag-value2" };
"#;

const P4: &str = r#"
permit(principal, action in [Action::"ssm:StartSession", Action::"ssm:TerminateSession",
    Action::"ssm:ResumeSession", Action::"ssm:DescribeSessions", Action::"ssm:GetConnectionStatus"],
    resource);
"#;

/// `ReadOnlyAccess` as one Cedar policy per statement: a `like` per action pattern.
fn read_only() -> String {
    let doc: serde_json::Value =
        serde_json::from_str(crate::large::READ_ONLY_JSON).expect("valid JSON");
    let mut text = String::new();
    for statement in doc["Statement"].as_array().expect("statements") {
        let actions: Vec<&str> = match &statement["Action"] {
            serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
            serde_json::Value::String(s) => vec![s.as_str()],
            _ => vec![],
        };
        let likes: Vec<String> = actions
            .iter()
            .map(|a| format!("context.action like \"{a}\""))
            .collect();
        let condition = if statement.get("Condition").is_some() {
            r#" && context has "s3express:SessionMode" && context["s3express:SessionMode"] == "ReadOnly""#
        } else {
            ""
        };
        text.push_str(&format!(
            "permit(principal, action, resource) when {{ ({}){condition} }};\n",
            likes.join(" || ")
        ));
    }
    text
}

/// The policy sets, parsed once.
pub struct Cedar {
    authorizer: Authorizer,
    p1: PolicySet,
    p2: PolicySet,
    p3: PolicySet,
    p4: PolicySet,
    read_only: PolicySet,
}

/// One request with its entities, built before timing.
pub struct Prepared {
    subject: Subject,
    request: Request,
    entities: Entities,
}

impl Cedar {
    pub fn new() -> Cedar {
        let parse = |text: &str| PolicySet::from_str(text).expect("valid Cedar");
        Cedar {
            authorizer: Authorizer::new(),
            p1: parse(P1),
            p2: parse(P2),
            p3: parse(P3),
            p4: parse(P4),
            read_only: parse(&read_only()),
        }
    }

    pub fn prepare(&self, case: &Case) -> Prepared {
        let uid = |text: &str| EntityUid::from_str(text).expect("valid entity id");
        let principal = uid(r#"User::"alice""#);
        let action = uid(&format!("Action::{:?}", case.action));
        let resource = uid(&format!("Resource::{:?}", case.resource));
        let mut attrs = HashMap::from([(
            "arn".to_owned(),
            RestrictedExpression::new_string(case.resource.to_owned()),
        )]);
        // The application reads the session owner out of `session/<owner>-<id>`.
        if let Some(owner) = case
            .resource
            .split_once(":session/")
            .and_then(|(_, rest)| rest.split_once('-'))
            .map(|(owner, _)| owner)
        {
            attrs.insert(
                "owner".to_owned(),
                RestrictedExpression::new_string(owner.to_owned()),
            );
        }
        let entity = Entity::new(resource.clone(), attrs, HashSet::new()).expect("valid entity");
        let entities = Entities::from_entities([entity], None).expect("valid entities");
        let mut pairs: Vec<(String, RestrictedExpression)> = case
            .context
            .iter()
            .map(|(k, v)| {
                let key = if *k == "aws:username" { "username" } else { k };
                (
                    key.to_owned(),
                    RestrictedExpression::new_string((*v).to_owned()),
                )
            })
            .collect();
        pairs.push((
            "action".to_owned(),
            RestrictedExpression::new_string(case.action.to_owned()),
        ));
        let context = Context::from_pairs(pairs).expect("valid context");
        let request =
            Request::new(principal, action, resource, context, None).expect("valid request");
        Prepared {
            subject: case.subject,
            request,
            entities,
        }
    }

    pub fn decide(&self, prepared: &Prepared) -> Decision {
        let policies = match prepared.subject {
            Subject::P1Instances => &self.p1,
            Subject::P2Tags => &self.p2,
            Subject::P3TwoTags => &self.p3,
            Subject::P4Admin => &self.p4,
            Subject::ReadOnly => &self.read_only,
        };
        let response =
            self.authorizer
                .is_authorized(&prepared.request, policies, &prepared.entities);
        match response.decision() {
            cedar_policy::Decision::Allow => Decision::Allowed,
            cedar_policy::Decision::Deny => Decision::ImplicitlyDenied,
        }
    }
}

impl Default for Cedar {
    fn default() -> Self {
        Cedar::new()
    }
}
