//! Extra actions declared `no-resource` for run-time policies (decision D38 of
//! `docs/semantics.md`): the declaration travels with the policy from `Policy::from_json_with`
//! to the request check of `Policy::evaluate` and of the `Authorizer`; every action nobody
//! declared so stays malformed on `*`.

use iam_policy::{Authorizer, Decision, Extras, Options, Policy, Request};

const LIST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["newsvc:ListThings","newsvc:DoThing"],"Resource":"*"}]}"#;

fn load(extras: &str) -> Policy {
    let options = Options::new().with_extras(Extras::parse(extras).unwrap());
    Policy::from_json_with(LIST, &options).unwrap().policy
}

#[test]
fn a_declared_no_resource_action_is_decided_on_star() {
    let policy = load("action newsvc:ListThings no-resource\naction newsvc:DoThing\n");
    let list = Request::new("newsvc:ListThings", "*");
    assert_eq!(policy.explain(&list).malformed, None);
    assert_eq!(policy.evaluate(&list), Decision::Allowed);
    assert_eq!(
        policy.explain_interpreted(&list).decision,
        Decision::Allowed
    );
    // Case-insensitive, as IAM reads actions.
    assert_eq!(
        policy.evaluate(&Request::new("NEWSVC:listthings", "*")),
        Decision::Allowed
    );
    // The policy allows `newsvc:DoThing` on `*`, but nothing says it acts on no resource.
    let undeclared = policy.explain(&Request::new("newsvc:DoThing", "*"));
    assert_eq!(undeclared.decision, Decision::ImplicitlyDenied);
    let malformed = undeclared.malformed.expect("malformed");
    assert!(
        malformed.to_string().contains("declared `no-resource`"),
        "{malformed}"
    );
    // The request alone reads no policy: the plain check still refuses it.
    assert!(list.check().is_err());
}

#[test]
fn without_the_declaration_star_stays_malformed() {
    let policy = load("action newsvc:ListThings\naction newsvc:DoThing\n");
    let evaluation = policy.explain(&Request::new("newsvc:ListThings", "*"));
    assert_eq!(evaluation.decision, Decision::ImplicitlyDenied);
    assert!(evaluation.malformed.is_some());
}

/// A `no-resource` declaration holds only for an action the catalog does not have: declaring one
/// that acts on resources (`s3:GetObject`) must not make `*` pass for it.
#[test]
fn a_catalog_action_cannot_be_declared_no_resource() {
    let options =
        Options::new().with_extras(Extras::parse("action s3:GetObject no-resource").unwrap());
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    let policy = Policy::from_json_with(text, &options).unwrap().policy;
    assert!(policy.compiled().no_resource_actions.is_empty());
    let evaluation = policy.explain(&Request::new("s3:GetObject", "*"));
    assert_eq!(evaluation.decision, Decision::ImplicitlyDenied);
    assert!(evaluation.malformed.is_some());
    assert!(!iam_policy_core::extras::may_act_on_no_resource(
        "S3:getobject"
    ));
    assert!(iam_policy_core::extras::may_act_on_no_resource(
        "newsvc:ListThings"
    ));
}

#[test]
fn the_declaration_survives_clone_and_compares() {
    let declared = load("action newsvc:ListThings no-resource\naction newsvc:DoThing\n");
    let plain = load("action newsvc:ListThings\naction newsvc:DoThing\n");
    assert_eq!(
        declared
            .clone()
            .evaluate(&Request::new("newsvc:ListThings", "*")),
        Decision::Allowed
    );
    // Same document, different declarations: they decide differently, so they differ.
    assert_ne!(declared, plain);
}

/// In an authorizer, a declaration by any of its policies holds for the request check: it states
/// a fact about the action. The policies that do not declare it still decide the request.
#[test]
fn an_authorizer_sees_the_declarations_of_all_its_policies() {
    let identity = load("action newsvc:ListThings no-resource\naction newsvc:DoThing\n");
    let deny = Policy::from_json_with(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"newsvc:*","Resource":"*"}]}"#,
        &Options::new().with_extras(Extras::parse("action newsvc:ListThings").unwrap()),
    )
    .unwrap()
    .policy;
    let list = Request::new("newsvc:ListThings", "*");

    let alone = Authorizer::new().identity(&identity);
    let verdict = alone.explain(&list);
    assert_eq!(
        (verdict.decision, verdict.malformed),
        (Decision::Allowed, None)
    );

    // The boundary does not declare it; the request is well-formed and the boundary's Deny wins.
    let bounded = Authorizer::new().identity(&identity).boundary(&deny);
    let verdict = bounded.explain(&list);
    assert_eq!(verdict.malformed, None);
    assert_eq!(verdict.decision, Decision::ExplicitlyDenied);

    // Nobody declares `newsvc:DoThing` `no-resource`.
    let verdict = alone.explain(&Request::new("newsvc:DoThing", "*"));
    assert!(verdict.malformed.is_some());
    // Nor does any policy of an authorizer without the declaring one.
    let others = Authorizer::new().identity(&deny);
    assert!(others.explain(&list).malformed.is_some());
}
