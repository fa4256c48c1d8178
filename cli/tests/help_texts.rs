//! The help-text audit of the command (as `core/tests/help_texts.rs` is of the validator): each
//! typical mistake on the command line or in a decision test file, with the exact error and
//! `help:` it prints (lowercase, one line, the input in backticks, the fix in the help).

mod common;

use common::*;

const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;

/// `(arguments, exit status, stderr)`, run in a directory holding `p.json`.
const USAGE_MISTAKES: &[(&[&str], i32, &str)] = &[
    (
        &["check", "--format", "yaml", "p.json"],
        2,
        "error: `yaml` is not a value of `--format`\n  help: use one of `human`, `json`, `sarif`\n",
    ),
    (
        &["check", "--format", "jsn", "p.json"],
        2,
        "error: `jsn` is not a value of `--format`\n  help: did you mean `json`? use one of `human`, `json`, `sarif`\n",
    ),
    (
        &["check", "--format"],
        2,
        "error: `--format` needs a value\n  help: use one of `human`, `json`, `sarif`\n",
    ),
    (
        &["check", "--policy-type", "bucket", "p.json"],
        2,
        "error: `bucket` is not a value of `--policy-type`\n  help: did you mean `s3-bucket`? use one of `managed`, `user`, `group`, `role`, `session`, `trust`, `scp`, `rcp`, `vpc-endpoint`, `resource`, `s3-bucket`, `kms-key`, `sqs-queue`, `sns-topic`, `lambda-function`, `secrets-manager-secret`, `ecr-repository`\n",
    ),
    (
        &["check", "--max-bytes", "10k", "p.json"],
        2,
        "error: `10k` is not a whole number, as `--max-bytes` takes\n  help: write the number alone, such as `--max-bytes 10240`\n",
    ),
    (
        &["check"],
        2,
        "error: missing `<PATH>...`\n  help: usage: `iam-policy check <PATH>...`\n",
    ),
    (
        &["check", "missing.json"],
        2,
        "error: cannot read `missing.json`: no such file or directory\n",
    ),
    (
        &["chek", "p.json"],
        2,
        "error: unknown command `chek`\n  help: did you mean `check`?\n",
    ),
    (
        &["evaluate"],
        2,
        "error: unknown command `evaluate`\n  help: did you mean `eval`?\n",
    ),
    (
        &["eval", "--policy", "p.json", "--action", "s3:GetObject"],
        2,
        "error: missing `--resource <ARN>`\n  help: usage: `iam-policy eval --action <ACTION> --resource <ARN> --policy <FILE>...`\n",
    ),
    (
        &[
            "eval",
            "--policy",
            "p.json",
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::b/x",
            "--contxt",
            "a=b",
        ],
        2,
        "error: unknown option `--contxt`\n  help: did you mean `--context`?\n",
    ),
    (
        &[
            "eval",
            "--policy",
            "p.json",
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::b/x",
            "--context",
            "aws:username",
        ],
        2,
        "error: `--context aws:username` is not `KEY=VALUE`\n  help: write the key, `=` and the value: `--context aws:username=alice`\n",
    ),
    (
        &[
            "eval",
            "--policy",
            "p.json",
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::b/x",
            "--resource-account",
            "1234",
        ],
        2,
        "error: `--resource-account 1234` is not an account ID of 12 digits\n  help: write the 12 digits of the account that owns the resource, such as `--resource-account 111122223333`\n",
    ),
    (
        &[
            "eval",
            "--policy",
            "missing.json",
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::b/x",
        ],
        2,
        "error: cannot read `missing.json`: no such file or directory\n",
    ),
    (
        &["explain", "INVALID_ACTON"],
        2,
        "error: unknown code `INVALID_ACTON`\n  help: did you mean `INVALID_ACTION`?\n",
    ),
    (
        &["check-no-new-access", "--policy", "p.json"],
        2,
        "error: missing `--reference <FILE>`\n  help: usage: `iam-policy check-no-new-access --policy <FILE> --reference <FILE>`\n",
    ),
    (
        &["check", "--extra-action", "newsvc:Do*", "p.json"],
        2,
        "error: `--extra-action newsvc:Do*`: the extra action `newsvc:Do*` has a wildcard\n  help: declare each action by its full name; a policy's `newsvc:*` then matches them\n",
    ),
    (
        &[
            "check",
            "--extra-action",
            "newsvc:ListThings noresource",
            "p.json",
        ],
        2,
        "error: `--extra-action newsvc:ListThings noresource`: `noresource` after the extra action `newsvc:ListThings` is not `no-resource`\n  help: write `newsvc:ListThings`, or `newsvc:ListThings no-resource` for an action that acts on no resource\n",
    ),
    (
        &["check", "--extra-key", "newsvc:Size Number", "p.json"],
        2,
        "error: `--extra-key newsvc:Size Number`: `Number` after the extra condition key `newsvc:Size` is not a key type\n  help: write one of `String`, `ARN`, `Bool`, `Numeric`, `Date`, `IPAddress`, `Binary`, `ArrayOfString`, `ArrayOfARN`, `ArrayOfBool`, `ArrayOfNumeric`, `ArrayOfDate`, `ArrayOfIPAddress`\n",
    ),
    (
        &["check", "--extras", "extras.txt", "p.json"],
        2,
        "error: `--extras extras.txt`: line 2: `actoin` is not a kind of declaration\n  help: write `action newsvc:B` or `key newsvc:B`\n",
    ),
    (
        &["test"],
        2,
        "error: missing `<FILE>...`\n  help: usage: `iam-policy test <FILE>...`\n",
    ),
];

#[test]
fn every_usage_mistake_has_its_message_and_help() {
    let dir = scratch("help-texts");
    write(&dir, "p.json", POLICY);
    write(&dir, "extras.txt", "action newsvc:A\nactoin newsvc:B\n");
    let mut wrong = Vec::new();
    for (args, status, stderr) in USAGE_MISTAKES {
        let run = run_in(&dir, args);
        if run.status != *status || run.stderr != *stderr {
            wrong.push(format!(
                "iam-policy {}\n  got:      {} {:?}\n  expected: {status} {stderr:?}",
                args.join(" "),
                run.status,
                run.stderr
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A malformed request names the part at fault as given; `*` for an action the catalog does not
/// list as acting on no resource says how to declare one that does (D38).
#[test]
fn a_malformed_request_shows_its_input() {
    let dir = scratch("help-texts-malformed");
    write(&dir, "p.json", POLICY);
    let eval = |action: &str, resource: &str| {
        run_in(
            &dir,
            &[
                "eval",
                "--policy",
                "p.json",
                "--action",
                action,
                "--resource",
                resource,
            ],
        )
    };
    let wildcard = eval("s3:Get*", "arn:aws:s3:::b/x");
    assert_eq!(wildcard.status, 1);
    assert_eq!(
        wildcard.stdout,
        "ImplicitlyDenied\n  no policy was read: the request's action `s3:Get*` is malformed: the action name is empty or has a character other than letters, digits, `-` and `_` (a wildcard, a space, a control or non-ASCII character)\n  help: AWS never sends such a request; give an action `service:Name` and the ARN of the resource (`*` only for actions without resource types)\n"
    );
    let path = eval("s3:GetObject", "b/x");
    assert_eq!(
        path.stdout,
        "ImplicitlyDenied\n  no policy was read: the request's resource `b/x` is malformed: the resource is not an ARN `arn:partition:service:region:account:resource` (nor `*`)\n  help: AWS never sends such a request; give an action `service:Name` and the ARN of the resource (`*` only for actions without resource types)\n"
    );
    let star = eval("s3:GetObject", "*");
    assert_eq!(
        star.stdout,
        "ImplicitlyDenied\n  no policy was read: the request's resource `*` is malformed: the resource `*` is only for actions without resource types, and neither the catalog nor a declaration lists this action as one: name its resource (only an action newer than the catalog can be declared `no-resource`)\n  help: `s3:GetObject` acts on resources (the catalog lists their types): give the ARN of the one it acts on\n"
    );
}

/// `(case line, stdout line)`: the `ERROR` line and its `help:` that `iam-policy test` prints.
#[test]
fn every_case_file_mistake_has_its_message_and_help() {
    let ok = format!(
        r#"{{"id": "a", "policies": [{POLICY}], "request": {{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/x", "context": {{}}}}, "expected": "Allowed"}}"#
    );
    let with = |from: &str, to: &str| {
        assert!(ok.contains(from), "{from}");
        ok.replace(from, to)
    };
    let mistakes = [
        (
            with(r#""context""#, r#""contxt""#),
            "ERROR c.jsonl:1: `a`: unknown field `contxt` in `request`\n  help: did you mean `context`?\n",
        ),
        (
            with(r#""expected": "Allowed""#, r#""expected": "Allow""#),
            "ERROR c.jsonl:1: `a`: unknown `expected` decision `Allow`\n  help: did you mean `Allowed`? use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`\n",
        ),
        (
            with(
                r#""context": {}"#,
                r#""context": {"aws:MultiFactorAuthAge": 30}"#,
            ),
            "ERROR c.jsonl:1: `a`: context key `aws:MultiFactorAuthAge` must be a string or a list of strings, found a number\n  help: write it as a string: `\"30\"` (a request context holds strings)\n",
        ),
        (
            with(r#""id": "a""#, r#""id": 1"#),
            "ERROR c.jsonl:1: `id` must be a string, found a number\n  help: write it as a string: `\"id\": \"1\"`\n",
        ),
        (
            with(&format!("[{POLICY}]"), POLICY),
            "ERROR c.jsonl:1: `a`: `policies` must be an array of policies, found an object\n  help: put the policies in a list, even one: `\"policies\": [{\"Version\": \"2012-10-17\", ...}]`\n",
        ),
        (
            ok.trim_end_matches('}').to_owned(),
            "ERROR c.jsonl:1: the line ends before its JSON does (column 246)\n  help: a case is one JSON object on one line: close every `{`, `[` and `\"`, and do not break the case across lines\n",
        ),
    ];
    let dir = scratch("help-texts-cases");
    let mut wrong = Vec::new();
    for (line, expected) in &mistakes {
        write(&dir, "c.jsonl", line);
        let run = run_in(&dir, &["test", "c.jsonl"]);
        if run.status != 1 || !run.stdout.contains(expected) {
            wrong.push(format!(
                "{line}\n  got:      {} {:?}\n  expected: {expected:?}",
                run.status, run.stdout
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    write(&dir, "empty.jsonl", "\n");
    let empty = run_in(&dir, &["test", "empty.jsonl"]);
    assert_eq!(empty.status, 1);
    assert_eq!(
        empty.stderr,
        "error: `empty.jsonl` has no test case\n  help: a decision test file holds one case per line, each a JSON object with `id`, `policies`, `request` and `expected`\n"
    );
}
