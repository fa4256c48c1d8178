// A policy pasted from AWS into raw strings keeps its JSON meaning: `policy!` reads the contents
// of `r"..."` and `r#"..."#` as JSON text, so `\/` is `/` and `\u0052` is `R`, not a backslash.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

static REPORTS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": r"Reports\u0052ead",
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": [r"arn:aws:s3:::reports\/*", r#"arn:aws:s3:::caf\u00e9\/*"#]
    }]
});

fn main() {
    let request = Request::new("s3:GetObject", "arn:aws:s3:::reports/2026/q4.csv");
    assert_eq!(REPORTS.evaluate(&request), Decision::Allowed);
    let accented = Request::new("s3:GetObject", "arn:aws:s3:::café/menu.pdf");
    assert_eq!(REPORTS.evaluate(&accented), Decision::Allowed);
    let backslash = Request::new("s3:GetObject", r"arn:aws:s3:::reports\/x");
    assert_eq!(REPORTS.evaluate(&backslash), Decision::ImplicitlyDenied);
    let explained = REPORTS.explain(&request);
    assert_eq!(explained.statement.and_then(|s| s.sid), Some("ReportsRead"));
    let json = REPORTS.to_json();
    assert!(json.contains(r#""arn:aws:s3:::reports/*""#), "{json}");
    assert!(!json.contains('\\'), "{json}");
}
