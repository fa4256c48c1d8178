//! Soundness of the access questions, on random policies.
//!
//! For every random policy (and pair of policies) and question:
//! - when the answer is "holds", no request of a pool built near every pattern and condition
//!   value of the policies is allowed against it;
//! - when the answer is a witness, evaluation allows it (and the reference does not), through
//!   both the core interpreter and `iam_policy::Policy`.
//!
//! The generator is a fixed-seed PRNG so that a failure reproduces; the failing policy and
//! request are printed.

use iam_policy::access::{self, Answer, KeyValue, Query};
use iam_policy::{Decision, Options, Policy, Request};

/// Policies (or pairs) per property.
const ROUNDS: usize = 200;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:Get*",
    "s3:*Object",
    "s3:PutObject",
    "s3:List*",
    "s3:G?tObject",
    "s3:*",
    "ec2:Describe*",
    "ec2:StartInstances",
    "iam:*",
    "*",
];
const RESOURCES: &[&str] = &[
    "*",
    "arn:aws:s3:::bucket/*",
    "arn:aws:s3:::bucket/a*",
    "arn:aws:s3:::b?cket/*",
    "arn:aws:s3:::*",
    "arn:aws:s3:::bucket/${aws:username}/*",
    "arn:aws:ec2:*:*:instance/*",
    "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
    "arn:aws:*:*:*:*",
];

/// `(operator, key, values)` fragments; values are JSON.
fn condition(rng: &mut Rng) -> String {
    let exists = if rng.chance(20) { "IfExists" } else { "" };
    let (op, key, values): (String, &str, &str) = match rng.below(10) {
        0 => (
            format!(
                "{}{exists}",
                rng.pick(&[
                    "StringEquals",
                    "StringNotEquals",
                    "StringLike",
                    "StringNotLike",
                    "StringEqualsIgnoreCase"
                ])
            ),
            "aws:PrincipalTag/team",
            *rng.pick(&[
                r#""red""#,
                r#"["red","blue"]"#,
                r#""r*""#,
                r#""RED""#,
                r#""${aws:username}""#,
            ]),
        ),
        1 => (
            format!(
                "{}{exists}",
                rng.pick(&[
                    "NumericLessThan",
                    "NumericGreaterThanEquals",
                    "NumericEquals",
                    "NumericNotEquals"
                ])
            ),
            "s3:max-keys",
            *rng.pick(&[r#""10""#, r#"["5","10.5"]"#, r#""-1""#]),
        ),
        2 => (
            format!("{}{exists}", rng.pick(&["IpAddress", "NotIpAddress"])),
            "aws:SourceIp",
            // Public blocks: `aws:SourceIp` is never private (PRIVATE_IP_ADDRESS refuses those).
            *rng.pick(&[
                r#""203.0.113.0/24""#,
                r#"["198.51.100.0/24","192.0.2.0/25"]"#,
                r#""2001:db8::/32""#,
            ]),
        ),
        3 => (
            format!(
                "{}{exists}",
                rng.pick(&["DateLessThan", "DateGreaterThan", "DateEquals"])
            ),
            "aws:CurrentTime",
            *rng.pick(&[
                r#""2024-01-01T00:00:00Z""#,
                r#"["2023-06-01","2025-01-01T12:00:00Z"]"#,
            ]),
        ),
        4 => (
            format!("Bool{exists}"),
            "aws:SecureTransport",
            *rng.pick(&[r#""true""#, r#""false""#]),
        ),
        5 => (
            "Null".to_owned(),
            *rng.pick(&["aws:SourceIp", "aws:PrincipalTag/team", "aws:TagKeys"]),
            *rng.pick(&[r#""true""#, r#""false""#]),
        ),
        6 | 7 => (
            format!(
                "{}:{}{exists}",
                rng.pick(&["ForAnyValue", "ForAllValues"]),
                rng.pick(&["StringEquals", "StringLike", "StringNotEquals"])
            ),
            "aws:TagKeys",
            *rng.pick(&[r#""a""#, r#"["a","b*"]"#, r#""c""#]),
        ),
        8 => (
            format!(
                "{}{exists}",
                rng.pick(&["ArnLike", "ArnNotLike", "ArnEquals"])
            ),
            "aws:SourceArn",
            *rng.pick(&[
                r#""arn:aws:s3:::bucket""#,
                r#""arn:aws:s3:::b*""#,
                r#""arn:aws:sns:*:123456789012:t""#,
            ]),
        ),
        _ => (
            format!("{}{exists}", rng.pick(&["StringEquals", "StringLike"])),
            "aws:username",
            *rng.pick(&[r#""alice""#, r#""a*""#, r#"["alice","bob"]"#]),
        ),
    };
    format!(r#""{op}":{{"{key}":{values}}}"#)
}

fn statement(rng: &mut Rng) -> String {
    let effect = if rng.chance(30) { "Deny" } else { "Allow" };
    let action_element = if rng.chance(15) {
        "NotAction"
    } else {
        "Action"
    };
    let resource_element = if rng.chance(15) {
        "NotResource"
    } else {
        "Resource"
    };
    let list = |rng: &mut Rng, items: &[&str]| {
        let n = 1 + rng.below(3);
        let chosen: Vec<String> = (0..n).map(|_| format!("\"{}\"", rng.pick(items))).collect();
        format!("[{}]", chosen.join(","))
    };
    let actions = list(rng, ACTIONS);
    let resources = list(rng, RESOURCES);
    let mut conditions: Vec<String> = Vec::new();
    for _ in 0..rng.below(3) {
        let c = condition(rng);
        // One key per operator in a Condition block.
        let op = c.split('"').nth(1).unwrap_or_default().to_owned();
        if !conditions
            .iter()
            .any(|e| e.split('"').nth(1) == Some(op.as_str()))
        {
            conditions.push(c);
        }
    }
    let condition = if conditions.is_empty() {
        String::new()
    } else {
        format!(r#","Condition":{{{}}}"#, conditions.join(","))
    };
    format!(
        r#"{{"Effect":"{effect}","{action_element}":{actions},"{resource_element}":{resources}{condition}}}"#
    )
}

fn policy(rng: &mut Rng) -> (String, Policy) {
    loop {
        let n = 1 + rng.below(3);
        let statements: Vec<String> = (0..n).map(|_| statement(rng)).collect();
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            statements.join(",")
        );
        let options = Options::new().with_catalog(false);
        if let Ok(loaded) = Policy::from_json_with(&text, &options) {
            return (text, loaded.policy);
        }
    }
}

/// Requests near every pattern and condition value of the policies at hand.
struct Pool {
    actions: Vec<String>,
    resources: Vec<String>,
    contexts: Vec<iam_policy::access::AccessContext>,
}

fn near(pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    for fill in ["", "x", "Object", "bucket", "alice/", "red"] {
        out.push(pattern.replace('*', fill).replace('?', "e"));
    }
    out.push(pattern.replace('*', "").replace('?', "u"));
    out.push(
        pattern
            .to_ascii_uppercase()
            .replace('*', "x")
            .replace('?', "e"),
    );
    out
}

/// Values near each condition value the generator writes, per key; `None` is absent.
const KEY_VALUES: &[(&str, &[&[&str]])] = &[
    (
        "aws:PrincipalTag/team",
        &[
            &["red"],
            &["Red"],
            &["rx"],
            &["alice"],
            &["blue"],
            &["green"],
        ],
    ),
    (
        "s3:max-keys",
        &[
            &["10"],
            &["10.5"],
            &["9.99"],
            &["5"],
            &["-1"],
            &["-2"],
            &["11"],
            &["x"],
        ],
    ),
    (
        "aws:SourceIp",
        &[
            &["203.0.113.9"],
            &["198.51.100.3"],
            &["192.0.2.7"],
            &["192.0.2.200"],
            &["11.0.0.0"],
            &["2001:db8::1"],
            &["::ffff:203.0.113.9"],
        ],
    ),
    (
        "aws:CurrentTime",
        &[
            &["2024-01-01T00:00:00Z"],
            &["2023-01-01T00:00:00Z"],
            &["2023-06-01T00:00:00Z"],
            &["2026-01-01T00:00:00Z"],
        ],
    ),
    ("aws:SecureTransport", &[&["true"], &["false"]]),
    (
        "aws:TagKeys",
        &[&["a"], &["a", "b1"], &["c"], &[], &["a", "c"], &["b"]],
    ),
    (
        "aws:SourceArn",
        &[
            &["arn:aws:s3:::bucket"],
            &["arn:aws:s3:::bx"],
            &["arn:aws:sns:us-east-1:123456789012:t"],
            &["bucket"],
        ],
    ),
    ("aws:username", &[&["alice"], &["bob"], &["ax"]]),
];

fn key_value(values: &[&str], key: &str) -> KeyValue {
    // `aws:TagKeys` is multivalued; its one-member lists are sets.
    if key == "aws:TagKeys" || values.len() != 1 {
        KeyValue::Set(values.iter().map(|v| (*v).to_owned()).collect())
    } else {
        KeyValue::One(values[0].to_owned())
    }
}

fn pool(texts: &[&str], rng: &mut Rng) -> Pool {
    let used = |item: &str| texts.iter().any(|t| t.contains(item));
    let mut actions: Vec<String> = ACTIONS
        .iter()
        .filter(|a| used(a))
        .flat_map(|a| near(a))
        .filter(|a| a.contains(':') && !a.ends_with(':'))
        .collect();
    actions
        .extend(["sns:Publish", "s3:GetBucketPolicy", "ec2:DescribeInstances"].map(String::from));
    actions.sort();
    actions.dedup();
    let mut resources: Vec<String> = RESOURCES
        .iter()
        .filter(|r| used(r))
        .flat_map(|r| near(&r.replace("${aws:username}", "alice")))
        .collect();
    resources.extend(["*", "arn:aws:sns:us-east-1:123456789012:t"].map(String::from));
    resources.sort();
    resources.dedup();
    let keys: Vec<&(&str, &[&[&str]])> = KEY_VALUES
        .iter()
        .filter(|(k, _)| used(k) || *k == "aws:username")
        .collect();
    let mut contexts = vec![iam_policy::access::AccessContext::new()];
    // Every value of every key alone.
    for (key, values) in &keys {
        for v in values.iter() {
            let mut c = iam_policy::access::AccessContext::new();
            c.set(*key, key_value(v, key));
            contexts.push(c);
        }
    }
    // Random combinations over all the keys (each present with some value, or absent).
    for _ in 0..40 {
        let mut c = iam_policy::access::AccessContext::new();
        for (key, values) in &keys {
            let choice = rng.below(values.len() + 1);
            if choice < values.len() {
                c.set(*key, key_value(values[choice], key));
            }
        }
        contexts.push(c);
    }
    Pool {
        actions,
        resources,
        contexts,
    }
}

fn decide(
    policy: &Policy,
    action: &str,
    resource: &str,
    context: &iam_policy::access::AccessContext,
) -> Decision {
    policy.evaluate(&Request::new(action, resource).context(context))
}

#[derive(Default, Debug)]
struct Tally {
    holds: usize,
    fails: usize,
    unknown: usize,
}

#[test]
fn not_granted_is_sound() {
    let mut rng = Rng(0x5EED_0001);
    let mut tally = Tally::default();
    for round in 0..ROUNDS {
        let (text, policy) = policy(&mut rng);
        let asked: Vec<&str> = (0..1 + rng.below(2)).map(|_| *rng.pick(ACTIONS)).collect();
        let on: Vec<&str> = if rng.chance(40) {
            vec![*rng.pick(&RESOURCES[..5])]
        } else {
            vec![]
        };
        let mut query = Query::on(&asked, &on).unwrap();
        let user = rng.chance(30).then_some("alice");
        if let Some(user) = user {
            query = query.context("aws:username", user);
        }
        let asked_policy = Policy::from_json(&format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{:?},"Resource":{:?}}}]}}"#,
            asked,
            if on.is_empty() { vec!["*"] } else { on.clone() }
        ))
        .unwrap();
        match access::not_granted(&policy, &query) {
            Answer::Holds => {
                tally.holds += 1;
                let asked_text = asked.join(" ") + &on.join(" ");
                let pool = pool(&[&text, &asked_text], &mut rng);
                for action in &pool.actions {
                    for resource in &pool.resources {
                        if decide(&asked_policy, action, resource, &Default::default())
                            != Decision::Allowed
                        {
                            continue;
                        }
                        for context in &pool.contexts {
                            let mut context = context.clone();
                            if let Some(user) = user {
                                context.set("aws:username", KeyValue::One(user.into()));
                            }
                            {
                                assert_ne!(
                                    decide(&policy, action, resource, &context),
                                    Decision::Allowed,
                                    "round {round}: holds, yet {action} on {resource} with {context:?} is allowed by\n{text}\nquestion {asked:?} on {on:?}"
                                );
                            }
                        }
                    }
                }
            }
            Answer::Fails(w) => {
                tally.fails += 1;
                assert_eq!(
                    policy.evaluate(&Request::from(&w)),
                    Decision::Allowed,
                    "round {round}: witness {w} not allowed by\n{text}"
                );
                assert_eq!(
                    asked_policy.evaluate(&Request::from(&w)),
                    Decision::Allowed,
                    "round {round}: witness {w} outside the question {asked:?} {on:?}"
                );
                if let Some(user) = user {
                    assert_eq!(
                        w.context.lookup("aws:username"),
                        Some(&KeyValue::One(user.into()))
                    );
                }
            }
            Answer::Unknown(reason) => {
                tally.unknown += 1;
                if std::env::var_os("SHOW_UNKNOWN").is_some() {
                    println!("unknown: {reason}");
                }
            }
        }
    }
    println!("{tally:?}");
    assert!(
        tally.holds > ROUNDS / 10 && tally.fails > ROUNDS / 10,
        "{tally:?}"
    );
    assert!(tally.unknown * 10 < ROUNDS, "{tally:?}");
}

#[test]
fn no_new_access_is_sound() {
    let mut rng = Rng(0x5EED_0002);
    let mut tally = Tally::default();
    for round in 0..ROUNDS {
        let (new_text, new) = policy(&mut rng);
        // Half the time a reference close to the new policy, so that "holds" is common.
        let (reference_text, reference) = if rng.chance(50) {
            let extra = statement(&mut rng).replace("\"Deny\"", "\"Allow\"");
            let text = new_text.replacen("\"Statement\":[", &format!("\"Statement\":[{extra},"), 1);
            match Policy::from_json_with(&text, &Options::new().with_catalog(false)) {
                Ok(loaded) => (text, loaded.policy),
                Err(_) => policy(&mut rng),
            }
        } else {
            policy(&mut rng)
        };
        match access::no_new_access(&new, &reference) {
            Answer::Holds => {
                tally.holds += 1;
                let pool = pool(&[&new_text, &reference_text], &mut rng);
                for action in &pool.actions {
                    for resource in &pool.resources {
                        for context in &pool.contexts {
                            let grants =
                                decide(&new, action, resource, context) == Decision::Allowed;
                            let had =
                                decide(&reference, action, resource, context) == Decision::Allowed;
                            assert!(
                                !grants || had,
                                "round {round}: holds, yet {action} on {resource} with {context:?} is new access\nnew: {new_text}\nreference: {reference_text}"
                            );
                        }
                    }
                }
            }
            Answer::Fails(w) => {
                tally.fails += 1;
                assert_eq!(
                    new.evaluate(&Request::from(&w)),
                    Decision::Allowed,
                    "round {round}: witness {w} not allowed by\n{new_text}"
                );
                assert_ne!(
                    reference.evaluate(&Request::from(&w)),
                    Decision::Allowed,
                    "round {round}: witness {w} allowed by the reference\n{reference_text}"
                );
            }
            Answer::Unknown(reason) => {
                tally.unknown += 1;
                if std::env::var_os("SHOW_UNKNOWN").is_some() {
                    println!("unknown: {reason}\n  {new_text}\n  {reference_text}");
                }
            }
        }
    }
    println!("{tally:?}");
    assert!(
        tally.holds > ROUNDS / 10 && tally.fails > ROUNDS / 10,
        "{tally:?}"
    );
    assert!(tally.unknown * 10 < ROUNDS, "{tally:?}");
}

fn seed(name: &str) -> Policy {
    let text = std::fs::read_to_string(format!("{}/seed/{name}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    Policy::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The Session Manager admin policy grants more than the user-scoped one: the witness is allowed
/// by the admin policy only; the other way round holds.
#[test]
fn session_manager_admin_is_new_access_over_the_scoped_policy() {
    let admin = seed("ex4_admin.json");
    for scoped in ["ex3m1_username.json", "ex1_specific_instances.json"] {
        let scoped = seed(scoped);
        let Answer::Fails(w) = access::no_new_access(&admin, &scoped) else {
            panic!("the admin policy must grant new access");
        };
        assert_eq!(admin.evaluate(&Request::from(&w)), Decision::Allowed, "{w}");
        assert_ne!(
            scoped.evaluate(&Request::from(&w)),
            Decision::Allowed,
            "{w}"
        );
        assert!(w.action.starts_with("ssm:"), "{w}");
    }
    assert_eq!(
        access::no_new_access(&seed("ex3m1_username.json"), &admin),
        Answer::Holds
    );
    assert_eq!(
        access::no_new_access(&seed("ex2_instance_tags.json"), &admin),
        Answer::Holds
    );
}

/// `session/${aws:username}-*`: nothing on the sessions of another user; the user's own are
/// granted, with a request that says so.
#[test]
fn username_policy_grants_nothing_on_other_users_sessions() {
    for name in [
        "ex1_specific_instances.json",
        "ex2_instance_tags.json",
        "ex3m1_username.json",
    ] {
        let policy = seed(name);
        let others = Query::on(
            &["ssm:TerminateSession", "ssm:ResumeSession"],
            &[
                "arn:aws:ssm:*:*:session/bob-*",
                "arn:aws:ssm:*:*:session/alicex-*",
            ],
        )
        .unwrap()
        .context("aws:username", "alice");
        assert_eq!(
            access::not_granted(&policy, &others),
            Answer::Holds,
            "{name}"
        );
        let own = Query::on(
            &["ssm:TerminateSession"],
            &["arn:aws:ssm:*:*:session/alice-*"],
        )
        .unwrap()
        .context("aws:username", "alice");
        let Answer::Fails(w) = access::not_granted(&policy, &own) else {
            panic!("{name}: the user's own sessions are granted");
        };
        assert_eq!(
            policy.evaluate(&Request::from(&w)),
            Decision::Allowed,
            "{w}"
        );
        assert!(w.resource.contains(":session/alice-"), "{w}");
    }
}

/// The examples of AWS's documentation of `CheckAccessNotGranted` (identity policies).
#[test]
fn aws_documentation_examples() {
    let policy = Policy::from_json(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"]}]}"#,
    )
    .unwrap();
    // PASS: "The policy document does not grant access to perform one or more of the listed actions."
    let query = Query::new(&["s3:DeleteBucket", "s3:GetBucketLocation"]).unwrap();
    assert_eq!(access::not_granted(&policy, &query), Answer::Holds);
    // FAIL once a listed action is granted.
    let query = Query::new(&["s3:DeleteBucket", "s3:GetObject"]).unwrap();
    let Answer::Fails(w) = access::not_granted(&policy, &query) else {
        panic!()
    };
    assert_eq!(w.action, "s3:GetObject");
    assert!(
        w.resource.starts_with("arn:aws:s3:::amzn-s3-demo-bucket/"),
        "{w}"
    );
    // Resources only: any action on them.
    let query = Query::on(&[], &["arn:aws:s3:::sensitive-bucket/*"]).unwrap();
    assert_eq!(access::not_granted(&policy, &query), Answer::Holds);
    let query = Query::on(&[], &["arn:aws:s3:::amzn-s3-demo-bucket"]).unwrap();
    let Answer::Fails(w) = access::not_granted(&policy, &query) else {
        panic!()
    };
    assert_eq!(w.resource, "arn:aws:s3:::amzn-s3-demo-bucket");
    // CheckNoNewAccess: adding a write to the reference is new access; removing one is not.
    let wider = Policy::from_json(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket", "s3:PutObject"],
            "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"]}]}"#,
    )
    .unwrap();
    let Answer::Fails(w) = access::no_new_access(&wider, &policy) else {
        panic!()
    };
    assert_eq!(w.action, "s3:PutObject");
    assert_eq!(access::no_new_access(&policy, &wider), Answer::Holds);
}

// ---- No public access ----

const PRINCIPALS: &[&str] = &[
    r#""*""#,
    r#"{"AWS":"*"}"#,
    r#"{"AWS":"111122223333"}"#,
    r#"{"AWS":"arn:aws:iam::111122223333:user/alice"}"#,
    r#"{"AWS":"arn:aws:iam::444455556666:role/r"}"#,
    r#"{"AWS":["111122223333","arn:aws:iam::444455556666:root"]}"#,
    r#"{"Service":"cloudtrail.amazonaws.com"}"#,
];

/// Conditions on the keys that restrict who may ask.
const PRINCIPAL_CONDITIONS: &[&str] = &[
    r#""StringEquals":{"aws:PrincipalOrgID":"o-aaaaaaaaaa"}"#,
    r#""StringLike":{"aws:PrincipalOrgID":"o-*"}"#,
    r#""StringNotEquals":{"aws:PrincipalAccount":"111122223333"}"#,
    r#""StringEquals":{"aws:PrincipalAccount":["111122223333","444455556666"]}"#,
    r#""StringEquals":{"aws:SourceAccount":"111122223333"}"#,
    r#""StringEqualsIfExists":{"aws:SourceAccount":"111122223333"}"#,
    r#""ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:*"}"#,
    r#""StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}"#,
    r#""StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}"#,
    r#""IpAddress":{"aws:SourceIp":"10.0.0.0/8"}"#,
    r#""NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}"#,
    r#""ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}"#,
    r#""ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::444455556666:role/admin"}"#,
    r#""StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin"}"#,
    r#""Null":{"aws:PrincipalAccount":"true"}"#,
];

fn public_statement(rng: &mut Rng) -> String {
    let effect = if rng.chance(30) { "Deny" } else { "Allow" };
    let principal_element = if effect == "Deny" && rng.chance(20) {
        "NotPrincipal"
    } else {
        "Principal"
    };
    let principal = if principal_element == "NotPrincipal" {
        r#"{"AWS":"arn:aws:iam::111122223333:root"}"#
    } else {
        rng.pick(PRINCIPALS)
    };
    let actions = rng.pick(&[
        r#""s3:GetObject""#,
        r#"["s3:Get*","s3:PutObject"]"#,
        r#""s3:*""#,
        r#""*""#,
    ]);
    let resources = rng.pick(&[
        r#""arn:aws:s3:::bucket/*""#,
        r#""*""#,
        r#"["arn:aws:s3:::bucket","arn:aws:s3:::bucket/a*"]"#,
    ]);
    let mut conditions: Vec<&str> = Vec::new();
    for _ in 0..rng.below(3) {
        let c = rng.pick(PRINCIPAL_CONDITIONS);
        let op = c.split('"').nth(1);
        if !conditions.iter().any(|e| e.split('"').nth(1) == op) {
            conditions.push(c);
        }
    }
    let condition = if conditions.is_empty() {
        String::new()
    } else {
        format!(r#","Condition":{{{}}}"#, conditions.join(","))
    };
    format!(
        r#"{{"Effect":"{effect}","{principal_element}":{principal},"Action":{actions},"Resource":{resources}{condition}}}"#
    )
}

fn resource_policy(rng: &mut Rng) -> (String, Policy) {
    loop {
        let n = 1 + rng.below(3);
        let statements: Vec<String> = (0..n).map(|_| public_statement(rng)).collect();
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            statements.join(",")
        );
        let options = Options::new()
            .with_catalog(false)
            .with_policy_type(iam_policy::PolicyType::S3Bucket);
        if let Ok(loaded) = Policy::from_json_with(&text, &options) {
            return (text, loaded.policy);
        }
    }
}

/// A trust mode of the question: (accounts, org).
const TRUSTS: &[(&[&str], Option<&str>)] = &[
    (&[], None),
    (&["111122223333"], None),
    (&["444455556666"], None),
    (&[], Some("o-aaaaaaaaaa")),
    (&["111122223333", "444455556666"], Some("o-aaaaaaaaaa")),
];

/// What the question trusts, read independently of the search: the accounts given, or with
/// nothing given every account and organization the policy text names.
struct Trusted {
    accounts: Vec<String>,
    orgs: Vec<String>,
}

impl Trusted {
    fn new(text: &str, accounts: &[&str], org: Option<&str>) -> Trusted {
        let named = accounts.is_empty() && org.is_none();
        let mut trusted_accounts: Vec<String> = accounts.iter().map(|a| a.to_string()).collect();
        if named {
            for account in ["111122223333", "444455556666"] {
                if text.contains(account) {
                    trusted_accounts.push(account.into());
                }
            }
        }
        let mut orgs: Vec<String> = org.map(String::from).into_iter().collect();
        if named && text.contains("\"o-aaaaaaaaaa\"") {
            orgs.push("o-aaaaaaaaaa".into());
        }
        Trusted {
            accounts: trusted_accounts,
            orgs,
        }
    }
    fn account(&self, account: &str) -> bool {
        self.accounts.iter().any(|a| a == account)
    }
    /// Is the request from outside: anonymous, or an untrusted account, or a service acting for
    /// one; and none of the keys naming what its owner controls carries a trusted value?
    fn outside(&self, principal: &str, context: &iam_policy::access::AccessContext) -> bool {
        let value = |key: &str| context.lookup(key).and_then(KeyValue::single);
        let account = principal.split(':').nth(4).filter(|a| a.len() == 12);
        if account.is_some_and(|a| self.account(a)) {
            return false;
        }
        if value("aws:PrincipalOrgID").is_some_and(|o| self.orgs.iter().any(|t| t == o)) {
            return false;
        }
        if value("aws:SourceAccount").is_some_and(|a| self.account(a)) {
            return false;
        }
        if value("aws:SourceArn")
            .and_then(|arn| arn.split(':').nth(4))
            .is_some_and(|a| self.account(a))
        {
            return false;
        }
        if value("aws:SourceVpce") == Some("vpce-1a2b3c4d") {
            return false;
        }
        !value("aws:SourceIp").is_some_and(|ip| ip.starts_with("10."))
    }
}

/// Outside callers, and the contexts each may carry (the keys AWS derives from it included).
fn public_pool(trusted: &Trusted) -> Vec<(String, iam_policy::access::AccessContext)> {
    use iam_policy::access::AccessContext;
    let mut principals: Vec<(String, Option<&str>, Option<String>)> = vec![
        ("*".into(), None, None),
        ("cloudtrail.amazonaws.com".into(), None, None),
    ];
    for account in ["777777777777", "111122223333", "444455556666"] {
        if trusted.account(account) {
            continue;
        }
        for (text, arn) in [
            (
                format!("arn:aws:iam::{account}:root"),
                format!("arn:aws:iam::{account}:root"),
            ),
            (
                format!("arn:aws:iam::{account}:user/alice"),
                format!("arn:aws:iam::{account}:user/alice"),
            ),
            (
                format!("arn:aws:sts::{account}:assumed-role/r/s"),
                format!("arn:aws:iam::{account}:role/r"),
            ),
            (
                format!("arn:aws:sts::{account}:assumed-role/admin/s"),
                format!("arn:aws:iam::{account}:role/admin"),
            ),
        ] {
            principals.push((text, Some(account), Some(arn)));
        }
    }
    let orgs: Vec<Option<&str>> = [None, Some("o-bbbbbbbbbb"), Some("o-aaaaaaaaaa")].to_vec();
    let sources: Vec<Option<&str>> = [None, Some("777777777777"), Some("111122223333")].to_vec();
    let arns: Vec<Option<&str>> = [
        None,
        Some("arn:aws:sns:us-east-1:777777777777:t"),
        Some("arn:aws:sns:us-east-1:111122223333:t"),
    ]
    .to_vec();
    let vpces = [None, Some("vpce-9z9z9z9z")];
    let ips = [None, Some("192.0.2.1")];
    let mut out = Vec::new();
    for (principal, account, arn) in &principals {
        for org in &orgs {
            for (source, source_arn) in sources.iter().zip(&arns) {
                for vpce in &vpces {
                    for ip in &ips {
                        let mut c = AccessContext::new();
                        let mut set = |k: &str, v: Option<&str>| {
                            if let Some(v) = v {
                                c.set(k, KeyValue::One(v.into()));
                            }
                        };
                        set("aws:PrincipalAccount", *account);
                        set("aws:PrincipalArn", arn.as_deref());
                        if account.is_some() {
                            set("aws:PrincipalOrgID", *org);
                        }
                        set("aws:SourceAccount", *source);
                        set("aws:SourceArn", *source_arn);
                        set("aws:SourceVpce", *vpce);
                        set("aws:SourceIp", *ip);
                        if trusted.outside(principal, &c) {
                            out.push((principal.clone(), c));
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn no_public_access_is_sound() {
    let mut rng = Rng(0x5EED_0003);
    let mut tally = Tally::default();
    for round in 0..ROUNDS {
        let (text, policy) = resource_policy(&mut rng);
        let (accounts, org) = *rng.pick(TRUSTS);
        let trust = access::Trust::new(accounts, org).unwrap();
        let trusted = Trusted::new(&text, accounts, org);
        match access::no_public_access(&policy, &trust) {
            Answer::Holds => {
                tally.holds += 1;
                let requests = public_pool(&trusted);
                for action in [
                    "s3:GetObject",
                    "s3:PutObject",
                    "s3:ListBucket",
                    "sns:Publish",
                ] {
                    for resource in ["arn:aws:s3:::bucket/a1", "arn:aws:s3:::bucket", "*"] {
                        for (principal, context) in &requests {
                            let request = Request::new(action, resource)
                                .principal(principal)
                                .context(context);
                            assert_ne!(
                                policy.evaluate(&request),
                                Decision::Allowed,
                                "round {round}: holds for {accounts:?} {org:?}, yet {principal} may {action} on {resource} with {context:?}:\n{text}"
                            );
                        }
                    }
                }
            }
            Answer::Fails(w) => {
                tally.fails += 1;
                assert_eq!(
                    policy.evaluate(&Request::from(&w)),
                    Decision::Allowed,
                    "round {round}: witness {w} not allowed by\n{text}"
                );
                let principal = w.principal.as_deref().expect("a principal");
                assert!(
                    trusted.outside(principal, &w.context),
                    "round {round}: witness {w} is not from outside {accounts:?} {org:?}:\n{text}"
                );
                // The keys AWS derives from the principal agree with it.
                let account = principal.split(':').nth(4).filter(|a| a.len() == 12);
                if let Some(value) = w.context.lookup("aws:PrincipalAccount") {
                    assert_eq!(value.single(), account, "round {round}: {w}");
                }
            }
            Answer::Unknown(reason) => {
                tally.unknown += 1;
                if std::env::var_os("SHOW_UNKNOWN").is_some() {
                    println!("unknown: {reason}\n{text}");
                }
            }
        }
    }
    println!("{tally:?}");
    assert!(
        tally.holds > ROUNDS / 10 && tally.fails > ROUNDS / 10,
        "{tally:?}"
    );
    assert!(tally.unknown * 10 < ROUNDS, "{tally:?}");
}

fn bucket(text: &str) -> Policy {
    Policy::from_json_as(text, iam_policy::PolicyType::S3Bucket).unwrap()
}

/// The cases of AWS's documentation of `CheckNoPublicAccess` and of what Access Analyzer and S3
/// count as public.
#[test]
fn no_public_access_documentation_examples() {
    let named = access::Trust::named();
    // PASS: "The resource policy does not grant public access for the given resource type."
    let john = bucket(
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "CheckNoPublicAccess", "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:user/JohnDoe"},
            "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"}]}"#,
    );
    assert_eq!(access::no_public_access(&john, &named), Answer::Holds);
    // A public bucket: anyone may read.
    let public = bucket(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
            "Action": "s3:GetObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"}]}"#,
    );
    let Answer::Fails(w) = access::no_public_access(&public, &named) else {
        panic!()
    };
    assert_eq!(w.principal.as_deref(), Some("*"));
    assert_eq!(public.evaluate(&Request::from(&w)), Decision::Allowed);
    // Restricted to an organization.
    let org = bucket(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
            "Action": "s3:GetObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#,
    );
    assert_eq!(access::no_public_access(&org, &named), Answer::Holds);
    // A service principal restricted to the source account (CloudTrail writing its logs).
    let trail = bucket(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/111122223333/*",
            "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333",
                                           "s3:x-amz-acl": "bucket-owner-full-control"}}}]}"#,
    );
    assert_eq!(access::no_public_access(&trail, &named), Answer::Holds);
    // Without it, any account's trail can write there through the service.
    let open_trail = bucket(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/AWSLogs/*"}]}"#,
    );
    let Answer::Fails(w) = access::no_public_access(&open_trail, &named) else {
        panic!()
    };
    assert_eq!(w.principal.as_deref(), Some("cloudtrail.amazonaws.com"));
    // A role trust policy to an account: not public; outside when that account is not trusted.
    let role = Policy::from_json_as(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}"#,
        iam_policy::PolicyType::Trust,
    )
    .unwrap();
    assert_eq!(access::no_public_access(&role, &named), Answer::Holds);
    let mine = access::Trust::new(&["444455556666"], None).unwrap();
    let Answer::Fails(w) = access::no_public_access(&role, &mine) else {
        panic!()
    };
    assert_eq!(
        w.principal.as_deref(),
        Some("arn:aws:iam::111122223333:root")
    );
    assert_eq!(role.evaluate(&Request::from(&w)), Decision::Allowed);
}

/// The Session Manager policies are identity policies: they grant whoever holds them, so the
/// question does not apply, and the answer says so instead of passing.
#[test]
fn no_public_access_refuses_identity_policies() {
    for name in ["ex1_specific_instances.json", "ex4_admin.json"] {
        let answer = access::no_public_access(&seed(name), &access::Trust::named());
        let Answer::Unknown(reason) = answer else {
            panic!("{name}: {answer:?}")
        };
        assert!(reason.contains("has no `Principal`"), "{reason}");
    }
}
