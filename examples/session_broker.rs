//! An application embedding a typed policy: a session broker deciding who may open a shell on
//! which host. It uses only `policy!`, so its binary carries no JSON reader, validator or service
//! catalog: the policy was checked when the broker was compiled.

use iam_policy::{Decision, Policy, Request, policy};

/// Engineers may open sessions on hosts of their team, never on production hosts, and may end
/// only their own sessions.
static BROKER: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "OpenOnTeamHosts",
            "Effect": "Allow",
            "Action": "ssm:StartSession",
            "Resource": "arn:aws:ec2:*:*:instance/*",
            "Condition": {"StringEquals": {"ssm:resourceTag/team": "${aws:PrincipalTag/team}"}}
        },
        {
            "Sid": "NeverProduction",
            "Effect": "Deny",
            "Action": "ssm:StartSession",
            "Resource": "*",
            "Condition": {"StringEquals": {"ssm:resourceTag/environment": "production"}}
        },
        {
            "Sid": "EndOwnSessions",
            "Effect": "Allow",
            "Action": ["ssm:TerminateSession", "ssm:ResumeSession"],
            "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"
        }
    ]
});

/// The broker's own view of a host: its tags, read in place as the request context.
struct Host {
    arn: &'static str,
    team: &'static str,
    environment: &'static str,
}

/// The broker's own view of the caller plus the host: a `Context` over borrowed fields.
struct Session<'a> {
    user: &'a str,
    user_team: &'a str,
    host: &'a Host,
}

impl iam_policy::Context for Session<'_> {
    fn values(&self, key: &str) -> Option<iam_policy::Values<'_>> {
        use iam_policy::{Values, key_eq};
        if key_eq(key, "aws:username") {
            Some(Values::One(self.user))
        } else if key_eq(key, "aws:PrincipalTag/team") {
            Some(Values::One(self.user_team))
        } else if key_eq(key, "ssm:resourceTag/team") {
            Some(Values::One(self.host.team))
        } else if key_eq(key, "ssm:resourceTag/environment") {
            Some(Values::One(self.host.environment))
        } else {
            None
        }
    }
}

fn main() {
    let hosts = [
        Host {
            arn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-0a",
            team: "payments",
            environment: "staging",
        },
        Host {
            arn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-0b",
            team: "payments",
            environment: "production",
        },
        Host {
            arn: "arn:aws:ec2:eu-west-1:123456789012:instance/i-0c",
            team: "search",
            environment: "staging",
        },
    ];
    let mut failures = 0;
    for (host, expected) in hosts.iter().zip([
        Decision::Allowed,
        Decision::ExplicitlyDenied,
        Decision::ImplicitlyDenied,
    ]) {
        let session = Session {
            user: "alice",
            user_team: "payments",
            host,
        };
        let request = Request::new("ssm:StartSession", host.arn).context(&session);
        let evaluation = BROKER.explain(&request);
        let sid = evaluation.statement.and_then(|s| s.sid).unwrap_or("-");
        println!("alice -> {}: {} ({sid})", host.arn, evaluation.decision);
        failures += usize::from(evaluation.decision != expected);
    }
    if failures > 0 {
        std::process::exit(1);
    }
}
