// `extra_actions = [...]` and `extra_keys = [...]` accept, for one policy, an action and a key that
// AWS released after the service catalog, under `#![deny(warnings)]`; they combine with `kind =`
// and `allow(..)` in any order, and with `policy_file!`. The evaluator decides the new action like
// any other (D32: the resource is an ARN of the action's own service).
#![deny(warnings)]

use iam_policy::{policy, policy_file, Decision, Policy, Request};

static NEW: Policy = policy!(extra_actions = ["newsvc:DoThing", "newsvc:ListThings"], extra_keys = ["newsvc:Color"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["newsvc:DoThing", "s3:GetObject"],
        "Resource": ["arn:aws:newsvc:us-east-1:111122223333:thing/*", "arn:aws:s3:::reports/*"],
        "Condition": {"StringEqualsIfExists": {"newsvc:Color": "blue"}}
    }, {
        "Effect": "Deny",
        "Action": "newsvc:*",
        "Resource": "arn:aws:newsvc:us-east-1:111122223333:thing/secret"
    }]
});

static MIXED: Policy = policy!(allow(MISSING_VERSION), kind = Role, extra_actions = ["s3:BrandNewCall"], {
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:BrandNew*",
        "Resource": "arn:aws:s3:::reports/*"
    }]
});

// `no-resource` (D38): the action acts on no resource, so its requests name `*`; the declaration
// travels with the policy to the request check. A typed key gets its operator checked.
static LIST: Policy = policy!(extra_actions = ["newsvc:ListThings no-resource", "newsvc:DoThing"], extra_keys = ["newsvc:Size Numeric"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "newsvc:ListThings",
        "Resource": "*",
        "Condition": {"NumericLessThan": {"newsvc:Size": "10"}}
    }, {
        "Effect": "Allow",
        "Action": "newsvc:DoThing",
        "Resource": "*"
    }]
});

static FROM_FILE: Policy = policy_file!(extra_actions = ["newsvc:DoThing"], "pass/fixtures/extra_action.json");

fn main() {
    let blue = [("newsvc:Color", "blue")];
    let thing = Request::new("newsvc:DoThing", "arn:aws:newsvc:us-east-1:111122223333:thing/t1");
    assert_eq!(NEW.evaluate(&thing.context(&blue)), Decision::Allowed);
    let red = [("newsvc:Color", "red")];
    assert_eq!(NEW.evaluate(&thing.context(&red)), Decision::ImplicitlyDenied);
    let secret = Request::new("newsvc:DoThing", "arn:aws:newsvc:us-east-1:111122223333:thing/secret");
    assert_eq!(NEW.evaluate(&secret), Decision::ExplicitlyDenied);
    // `*` for an action the catalog does not have is malformed: nothing says it takes no resource.
    let star = NEW.explain(&Request::new("newsvc:DoThing", "*"));
    assert!(star.malformed.is_some());
    let get = Request::new("s3:GetObject", "arn:aws:s3:::reports/q4.csv");
    assert_eq!(NEW.evaluate(&get), Decision::Allowed);
    let call = Request::new("s3:BrandNewCall", "arn:aws:s3:::reports/q4.csv");
    assert_eq!(MIXED.evaluate(&call), Decision::Allowed);
    assert_eq!(FROM_FILE.evaluate(&thing), Decision::Allowed);
    assert_eq!(NEW.explain_interpreted(&thing.context(&blue)).decision, Decision::Allowed);
    // Declared `no-resource` in LIST: `*` is well-formed for it there, by both paths.
    let small = [("newsvc:Size", "3")];
    let list = Request::new("newsvc:ListThings", "*").context(&small);
    assert_eq!(LIST.explain(&list).malformed, None);
    assert_eq!(LIST.evaluate(&list), Decision::Allowed);
    assert_eq!(LIST.explain_interpreted(&list).decision, Decision::Allowed);
    let big = [("newsvc:Size", "30")];
    assert_eq!(LIST.evaluate(&list.context(&big)), Decision::ImplicitlyDenied);
    // Not declared `no-resource` (in LIST, nor in NEW for any action): `*` stays malformed, even
    // though LIST allows `newsvc:DoThing` on `*`.
    let star_do = LIST.explain(&Request::new("newsvc:DoThing", "*"));
    assert!(star_do.malformed.is_some(), "{star_do:?}");
    assert_eq!(star_do.decision, Decision::ImplicitlyDenied);
    assert!(NEW.explain(&Request::new("newsvc:ListThings", "*")).malformed.is_some());
    assert!(Request::new("newsvc:ListThings", "*").check().is_err());
}
