//! The typed action names as users reach them: `iam_policy::action::<service>::<Action>`,
//! re-exported by the runtime from the crate `iam-policy-actions` under the runtime's features
//! (this crate enables `actions`, so one module of each feature group must be there). That the
//! constants work in constant and pattern positions is tested in the actions crate itself.

use iam_policy::action::{a2c, cognito_idp, ec2, iam, s3, ssm, vpc_lattice, xray};
use iam_policy::{Decision, Policy, Request, policy};

#[test]
fn every_feature_group_is_reexported_at_its_path() {
    // actions-a-c
    assert_eq!(
        a2c::GetContainerizationJobDetails,
        "a2c:GetContainerizationJobDetails"
    );
    assert_eq!(cognito_idp::AdminCreateUser, "cognito-idp:AdminCreateUser");
    // actions-d-i
    assert_eq!(ec2::RunInstances, "ec2:RunInstances");
    assert_eq!(iam::PassRole, "iam:PassRole");
    // actions-j-r
    assert_eq!(s3::GetObject, "s3:GetObject");
    // actions-s-z
    assert_eq!(iam_policy::action::ssm::StartSession, "ssm:StartSession");
    assert_eq!(xray::PutTraceSegments, "xray:PutTraceSegments");
    assert_eq!(
        vpc_lattice::AssociateViaAWSService_EventsAndStates,
        "vpc-lattice:AssociateViaAWSService-EventsAndStates"
    );
}

static SESSIONS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "arn:aws:ec2:*:*:instance/*"
    }]
});

#[test]
fn requests_built_from_the_constants_are_decided() {
    let instance = "arn:aws:ec2:us-east-2:123456789012:instance/i-0a1b";
    let runtime = Policy::from_json(&SESSIONS.to_json()).expect("the policy is valid");
    for policy in [&SESSIONS, &runtime] {
        let allowed = Request::new(ssm::StartSession, instance);
        assert_eq!(policy.evaluate(&allowed), Decision::Allowed);
        let denied = Request::new(ssm::TerminateSession, instance);
        assert_eq!(policy.evaluate(&denied), Decision::ImplicitlyDenied);
    }
}
