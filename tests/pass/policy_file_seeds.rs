// Every valid seed policy through `policy_file!`, from verbatim copies in `fixtures/` (the three
// `""` seeds as AWS corrected them). Each compiles without a warning, and agrees with the run-time
// reader on the document and on a decision.
//
// `tests/ui.rs` copies the fixtures into the project trybuild builds, at the same paths as under
// `tests/`, wherever the build directory is.
#![deny(warnings)]

use iam_policy::{policy_file, Decision, Policy, Request};

static EX1: Policy = policy_file!("pass/fixtures/ex1_specific_instances.json");
static EX2: Policy = policy_file!("pass/fixtures/ex2_instance_tags.json");
static EX2C: Policy = policy_file!("pass/fixtures/ex2c_two_tags.json");
static EX3M1: Policy = policy_file!("pass/fixtures/ex3m1_username.json");
static EX3M2A: Policy = policy_file!("pass/fixtures/ex3m2a_target_id.json");
static EX3M2B: Policy = policy_file!("pass/fixtures/ex3m2b_session_id_user.json");
static EX3M2C: Policy = policy_file!("pass/fixtures/ex3m2c_session_id_userid.json");
static EX3M2D: Policy = policy_file!("pass/fixtures/ex3m2d_both_tags.json");
static EX4: Policy = policy_file!("pass/fixtures/ex4_admin.json");

const SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
const INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";

fn main() {
    let all: [(&Policy, &str); 9] = [
        (&EX1, include_str!("fixtures/ex1_specific_instances.json")),
        (&EX2, include_str!("fixtures/ex2_instance_tags.json")),
        (&EX2C, include_str!("fixtures/ex2c_two_tags.json")),
        (&EX3M1, include_str!("fixtures/ex3m1_username.json")),
        (&EX3M2A, include_str!("fixtures/ex3m2a_target_id.json")),
        (&EX3M2B, include_str!("fixtures/ex3m2b_session_id_user.json")),
        (&EX3M2C, include_str!("fixtures/ex3m2c_session_id_userid.json")),
        (&EX3M2D, include_str!("fixtures/ex3m2d_both_tags.json")),
        (&EX4, include_str!("fixtures/ex4_admin.json")),
    ];
    for (policy, text) in all {
        assert!(policy.is_specialized());
        let loaded = Policy::from_json(text).unwrap();
        assert_eq!(policy.to_json(), loaded.to_json());
    }

    let alice = [("aws:username", "alice")];
    let terminate = Request::new("ssm:TerminateSession", SESSION).context(&alice);
    assert_eq!(EX1.evaluate(&terminate), Decision::Allowed);
    assert_eq!(EX3M1.evaluate(&terminate), Decision::Allowed);
    assert_eq!(EX4.evaluate(&terminate), Decision::Allowed);
    // Without the tag the conditions of examples 2 and 3 (method 2) do not hold.
    let start = Request::new("ssm:StartSession", INSTANCE);
    assert_eq!(EX2.evaluate(&start), Decision::ImplicitlyDenied);
    assert_eq!(EX2C.evaluate(&start), Decision::ImplicitlyDenied);
    for policy in [&EX3M2A, &EX3M2B, &EX3M2C, &EX3M2D] {
        assert_eq!(policy.evaluate(&terminate), Decision::ImplicitlyDenied);
    }
    let tagged = [("ssm:resourceTag/aws:ssmmessages:target-id", "i-02573cafcfEXAMPLE")];
    assert_eq!(EX3M2A.evaluate(&Request::new("ssm:TerminateSession", SESSION).context(&tagged)), Decision::Allowed);
}
