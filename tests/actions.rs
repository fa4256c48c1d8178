//! The typed action names as users reach them: `iam_policy::action::<service>::<Action>`,
//! re-exported by the runtime from the crate `iam-policy-actions` under the runtime's features
//! (this crate enables `actions`, so one module of each feature group must be there).

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

#[test]
fn reexported_constants_are_constants() {
    // Usable in constant contexts, as `&'static str` and as patterns, as before the move.
    const SESSION_ACTIONS: [&str; 2] = [ssm::StartSession, ssm::ResumeSession];
    let names: &'static [&'static str] = &SESSION_ACTIONS;
    assert_eq!(names, ["ssm:StartSession", "ssm:ResumeSession"]);
    let kind = |action: &str| match action {
        ssm::StartSession | ssm::ResumeSession => "open",
        ssm::TerminateSession => "close",
        _ => "other",
    };
    assert_eq!(kind("ssm:ResumeSession"), "open");
    assert_eq!(kind("ssm:TerminateSession"), "close");
    assert_eq!(kind("ssm:startsession"), "other");
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
