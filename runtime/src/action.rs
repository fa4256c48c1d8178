//! Typed action names, for building requests with IDE completion:
//! `iam_policy::action::ssm::StartSession` is `"ssm:StartSession"`.
//!
//! ```
//! # #[cfg(feature = "actions-s-z")] {
//! use iam_policy::{action::ssm, Request};
//! let req = Request::new(ssm::StartSession, "arn:aws:ec2:us-east-2:123456789012:instance/i-0a1b");
//! assert_eq!(req.action(), "ssm:StartSession");
//! # }
//! ```
//!
//! One module per service prefix (`-` and `.` become `_`: `cognito_idp`), one `&'static str`
//! constant per action, named exactly as the action; the constant's documentation gives the
//! access level and the resource types in the AWS Service Authorization Reference.
//!
//! The modules come from the crate `iam-policy-actions`, generated from the same service catalog
//! as the validator's. Every module is behind a cargo feature of this crate, all off by default
//! (without any of them, this module is empty and `iam-policy-actions` is not compiled):
//! - `actions-a-c`: service prefixes `a` to `c`
//! - `actions-d-i`: service prefixes `d` to `i`
//! - `actions-j-r`: service prefixes `j` to `r`
//! - `actions-s-z`: service prefixes `s` to `z`
//! - `actions`: all of them

#[cfg(any(
    feature = "actions-a-c",
    feature = "actions-d-i",
    feature = "actions-j-r",
    feature = "actions-s-z"
))]
#[doc(inline)]
pub use iam_policy_actions::*;

#[cfg(all(test, feature = "actions-s-z"))]
mod tests {
    use crate::{Decision, Policy, Request};

    /// The path users write, from inside the crate: `crate::action` is `iam_policy::action`.
    #[test]
    fn requests_take_the_reexported_constants() {
        let policy = Policy::from_json(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                "Action": "ssm:StartSession", "Resource": "arn:aws:ec2:*:*:instance/*"}]}"#,
        )
        .expect("the test policy is valid");
        let instance = "arn:aws:ec2:us-east-2:123456789012:instance/i-0a1b";
        let allowed = Request::new(crate::action::ssm::StartSession, instance);
        assert_eq!(allowed.action(), "ssm:StartSession");
        assert_eq!(policy.evaluate(&allowed), Decision::Allowed);
        let denied = Request::new(crate::action::ssm::TerminateSession, instance);
        assert_ne!(policy.evaluate(&denied), Decision::Allowed);
    }
}
