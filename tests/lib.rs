//! Shared fixtures of the integration tests: the Session Manager seed policies, compiled with
//! `policy_file!` and kept as text for the run-time path.

#[path = "corpus_support.rs"]
pub mod corpus;
#[path = "memory_support.rs"]
pub mod memory;
#[path = "security_support.rs"]
pub mod security;

use iam_policy::{Policy, policy_file};

/// A seed policy: its file name, its text, and its `policy!` compilation.
#[derive(Debug)]
pub struct Seed {
    pub name: &'static str,
    pub text: &'static str,
    pub compiled: &'static Policy,
}

macro_rules! seeds {
    ($($name:ident => $file:literal),* $(,)?) => {
        $(static $name: Policy = policy_file!($file);)*
        /// Every valid seed policy (those that compile unchanged).
        pub static VALID_SEEDS: &[Seed] = &[
            $(Seed { name: $file, text: include_str!($file), compiled: &$name }),*
        ];
    };
}

seeds! {
    EX1 => "seed/ex1_specific_instances.json",
    EX2 => "seed/ex2_instance_tags.json",
    EX2C => "seed/ex2c_two_tags.json",
    EX3M1 => "seed/ex3m1_username.json",
    EX3M2D => "seed/ex3m2d_both_tags.json",
    EX4 => "seed/ex4_admin.json",
}

/// The seed policies that IAM rejects, with the code of the one finding each must get.
pub static INVALID_SEEDS: &[(&str, &str, &[&str])] = &[
    (
        "ex3m2a_target_id_empty_resource.json",
        include_str!("seed/ex3m2a_target_id_empty_resource.json"),
        &["INVALID_ARN_PREFIX"],
    ),
    (
        "ex3m2b_session_id_user_empty_resource.json",
        include_str!("seed/ex3m2b_session_id_user_empty_resource.json"),
        &["INVALID_ARN_PREFIX"],
    ),
    (
        "ex3m2c_session_id_userid_empty_resource.json",
        include_str!("seed/ex3m2c_session_id_userid_empty_resource.json"),
        &["INVALID_ARN_PREFIX"],
    ),
    (
        "ex0_live_documents_console.json",
        include_str!("seed/ex0_live_documents_console.json"),
        &["INVALID_ARN_REGION", "INVALID_ARN_ACCOUNT"],
    ),
    (
        "ex2b_instance_tags_region_placeholder.json",
        include_str!("seed/ex2b_instance_tags_region_placeholder.json"),
        &["INVALID_ARN_REGION"],
    ),
];
