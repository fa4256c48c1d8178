//! The access policy Amazon SNS gives every new topic, pasted unchanged: its `Sid`
//! (`__default_statement_ID`) and its key (`AWS:SourceOwner`, documented by SNS, not on IAM's
//! global-keys page) compile in a topic policy with no finding (docs/semantics.md, D41 and D42).

#![deny(warnings)]

use iam_policy::{Decision, Policy, PolicyType, Request, policy, policy_file};

static DEFAULT_TOPIC_POLICY: Policy = policy!(kind = SnsTopic, {
  "Version": "2008-10-17",
  "Id": "__default_policy_ID",
  "Statement": [
    {
      "Sid": "__default_statement_ID",
      "Effect": "Allow",
      "Principal": {
        "AWS": "*"
      },
      "Action": [
        "SNS:GetTopicAttributes",
        "SNS:SetTopicAttributes",
        "SNS:AddPermission",
        "SNS:RemovePermission",
        "SNS:DeleteTopic",
        "SNS:Subscribe",
        "SNS:ListSubscriptionsByTopic",
        "SNS:Publish"
      ],
      "Resource": "arn:aws:sns:us-east-2:111122223333:MyTopic",
      "Condition": {
        "StringEquals": {
          "AWS:SourceOwner": "111122223333"
        }
      }
    }
  ]
});

// The same document as a file: the run-time and CLI tests read this file.
static FROM_FILE: Policy = policy_file!(kind = SnsTopic, "pass/fixtures/sns-default-topic-policy.json");

fn main() {
    assert_eq!(DEFAULT_TOPIC_POLICY.policy_type(), PolicyType::SnsTopic);
    assert_eq!(FROM_FILE.compiled(), DEFAULT_TOPIC_POLICY.compiled());
    let loaded = Policy::from_json_as(&DEFAULT_TOPIC_POLICY.to_json(), PolicyType::SnsTopic).unwrap();
    assert_eq!(loaded.compiled(), DEFAULT_TOPIC_POLICY.compiled());

    // The key decides: the owner's account is allowed, any other and none are not.
    let publish = Request::new("sns:Publish", "arn:aws:sns:us-east-2:111122223333:MyTopic")
        .principal("arn:aws:iam::111122223333:user/alice");
    let owner = [("aws:SourceOwner", "111122223333")];
    let other = [("aws:SourceOwner", "444455556666")];
    assert_eq!(DEFAULT_TOPIC_POLICY.evaluate(&publish.context(&owner)), Decision::Allowed);
    assert_eq!(DEFAULT_TOPIC_POLICY.evaluate(&publish.context(&other)), Decision::ImplicitlyDenied);
    assert_eq!(DEFAULT_TOPIC_POLICY.evaluate(&publish), Decision::ImplicitlyDenied);
}
