//! The command line: subcommands, their arguments and their `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Checks, evaluates, tests and formats AWS IAM policies with the validator and the semantics of
/// the `policy!` macro.
#[derive(Debug, Parser)]
#[command(
    name = "iam-policy",
    version = version(),
    propagate_version = true,
    disable_help_subcommand = true
)]
#[command(
    after_help = "Exit status: 0 on success, 1 when a check or test fails (see each subcommand), \
2 for a usage error or a file that cannot be read."
)]
pub struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// `--version`: the crate's version, the release of the service catalog that names are checked
/// against, and the extras the build declares (`IAM_POLICY_EXTRAS`).
pub fn version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        let mut text = format!(
            "{}, action catalog {}",
            env!("CARGO_PKG_VERSION"),
            iam_policy_core::catalog::snapshot()
        );
        let build = iam_policy_core::extras::crate_wide();
        if !build.is_empty() {
            text.push_str(&format!(
                ", extras of the build (IAM_POLICY_EXTRAS): {} actions, {} keys",
                build.actions().count(),
                build.keys().count()
            ));
        }
        text
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Eval(Box<EvalArgs>),
    Test(TestArgs),
    Fmt(FmtArgs),
    ToRust(ToRustArgs),
    Explain(ExplainArgs),
    CheckAccessNotGranted(NotGrantedArgs),
    CheckNoNewAccess(NoNewAccessArgs),
    CheckNoPublicAccess(NoPublicAccessArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Colour even when writing to a file or a pipe.
    Always,
    /// No colour.
    Never,
}

/// Validates JSON policy files with the validator of `policy!`.
///
/// A directory is searched recursively for `*.json` files (hidden directories are skipped). Every
/// finding is reported with its file, line and column, its code (`iam-policy explain CODE`
/// explains it) and a fix, then a summary with the counts per severity and per code.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  no errors (and no warnings with --deny-warnings)
  1  errors (or warnings with --deny-warnings); a file that is not a valid policy document
     (invalid JSON or UTF-8, a bare array) is an error finding
  2  usage error, or a path that does not exist, cannot be read, or holds no *.json file")]
pub struct CheckArgs {
    /// Policy files, or directories to search for `*.json` files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format: rustc-style text, a JSON array of findings, or SARIF 2.1.0 for code scanning.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// The type of policy: which elements it takes (`Principal` is required in resource-based
    /// and trust policies, refused in identity policies and SCPs) and its size quota.
    #[arg(long, value_enum, default_value_t = PolicyTypeArg::MANAGED, value_name = "TYPE")]
    pub policy_type: PolicyTypeArg,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Print only the findings: no summary, no progress.
    #[arg(long, short)]
    pub quiet: bool,

    /// The largest file read, in bytes (1 MiB by default); a larger file is refused unread.
    #[arg(long, value_name = "BYTES", default_value_t = iam_policy_core::validate::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,

    #[command(flatten)]
    pub extras: ExtrasArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

/// A policy type on the command line: every [`iam_policy::PolicyType`], by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyTypeArg(pub iam_policy::PolicyType);

impl PolicyTypeArg {
    pub const MANAGED: PolicyTypeArg = PolicyTypeArg(iam_policy::PolicyType::Managed);

    pub fn policy_type(self) -> iam_policy::PolicyType {
        self.0
    }
}

impl ValueEnum for PolicyTypeArg {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::LazyLock<Vec<PolicyTypeArg>> = std::sync::LazyLock::new(|| {
            iam_policy::PolicyType::ALL
                .into_iter()
                .map(PolicyTypeArg)
                .collect()
        });
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let t = self.0;
        let quota = match t.size_quota() {
            Some(quota) => format!("{quota} characters"),
            None => "no size quota".to_owned(),
        };
        Some(
            clap::builder::PossibleValue::new(t.name())
                .help(format!("{} ({quota})", t.description())),
        )
    }
}

/// Decides a request and names the statement that decided.
///
/// Every policy type takes part as AWS evaluates it: an explicit Deny anywhere wins; each SCP
/// level and the endpoint policy must allow; then the resource-based policy and the identity
/// policies grant, by account (both accounts must allow when the principal's account is not the
/// resource's). The identity policies (`--policy`) are pooled; a permissions boundary and a
/// session policy must also allow. The first line printed is the decision: `Allowed`,
/// `ExplicitlyDenied` or `ImplicitlyDenied`.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  Allowed
  1  ExplicitlyDenied or ImplicitlyDenied
  2  usage error, a policy file that cannot be read or is not a valid policy

Example:
  iam-policy eval --policy user.json --action ssm:TerminateSession \\
      --resource arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b --context aws:username=alice
  iam-policy eval --policy reader.json --resource-policy bucket.json --action s3:GetObject \\
      --resource arn:aws:s3:::doc-bucket/report.pdf --resource-account 111122223333 \\
      --principal arn:aws:sts::444455556666:assumed-role/Reader/s1")]
pub struct EvalArgs {
    /// Identity policy files of the principal (pooled); repeat the option or list several. May be
    /// left out when a resource-based policy decides.
    #[arg(
        long = "policy",
        num_args = 1..,
        value_name = "FILE",
        required_unless_present = "resource_policy"
    )]
    pub policies: Vec<PathBuf>,

    /// Who makes the request: a user, role, role session, federated user or root user ARN, a
    /// service principal, or `*` (anonymous). Without it, the caller is taken to be in the
    /// resource's account and only `"Principal": "*"` names it.
    #[arg(long, value_name = "ARN")]
    pub principal: Option<String>,

    /// The account that owns the resource, where its ARN has none (S3).
    #[arg(long, value_name = "ACCOUNT")]
    pub resource_account: Option<String>,

    /// The resource-based policy of the resource (bucket, key, queue policy; the role's trust
    /// policy for `sts:AssumeRole`).
    #[arg(long, value_name = "FILE")]
    pub resource_policy: Option<PathBuf>,

    /// The session policy of the caller's session, which must also allow.
    #[arg(long, value_name = "FILE")]
    pub session_policy: Option<PathBuf>,

    /// Resource control policies, one per level of the organization; a Deny in any denies.
    #[arg(long = "rcp", num_args = 1.., value_name = "FILE")]
    pub rcps: Vec<PathBuf>,

    /// The policy of the VPC endpoint the request goes through, which must also allow.
    #[arg(long, value_name = "FILE")]
    pub endpoint_policy: Option<PathBuf>,

    /// A permissions boundary, which must also allow.
    #[arg(long, value_name = "FILE")]
    pub boundary: Option<PathBuf>,

    /// Service control policies, one per level of the organization; each must also allow.
    #[arg(long = "scp", num_args = 1.., value_name = "FILE")]
    pub scps: Vec<PathBuf>,

    /// The action requested, such as `ssm:StartSession`.
    #[arg(long)]
    pub action: String,

    /// The resource ARN, or `*` for actions without resource-level permissions.
    #[arg(long, value_name = "ARN")]
    pub resource: String,

    /// A request context value, such as `aws:username=alice`. A key given twice is multivalued.
    #[arg(long = "context", value_name = "KEY=VALUE")]
    pub context: Vec<String>,

    #[command(flatten)]
    pub extras: ExtrasArgs,
}

/// Runs decision test files and reports the cases that fail.
///
/// A decision test file is JSON Lines: each line a case with an `id`, the identity `policies`, a
/// `request` (`action`, `resource`, `context`) and the `expected` decision (`Allowed`,
/// `ExplicitlyDenied` or `ImplicitlyDenied`). Every case that does not get its expected decision
/// is printed with its request and the statement that decided; the last line is
/// `N passed, M failed`.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  every case passed
  1  a case failed, or a line could not be read
  2  usage error, or a file that cannot be read")]
pub struct TestArgs {
    /// Decision test files (`*.jsonl`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Print only the failures and the closing count.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Rewrites policy files in AWS's usual layout.
///
/// Four-space indent, one member or item per line; key order, string-or-array shapes and number
/// text are kept. A directory is searched recursively for `*.json` files.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  every file is (now) formatted
  1  with --check: a file would change; or a file is not valid JSON (it is left as it is)
  2  usage error, or a path that does not exist or cannot be read or written")]
pub struct FmtArgs {
    /// Policy files, or directories to search for `*.json` files.
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,

    /// Change nothing: name the files that would change and exit 1 if there is one.
    #[arg(long)]
    pub check: bool,
}

/// Prints a JSON policy as Rust source checked at compile time.
///
/// The output is `pub static NAME: iam_policy::Policy = iam_policy::policy!({...});`, ready to
/// paste into a crate that depends on `iam-policy`.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  the Rust source was printed
  1  the file is not valid JSON, or the policy has errors (which `policy!` would reject)
  2  usage error, or a file that cannot be read")]
pub struct ToRustArgs {
    /// The name of the static; by default the file stem in SCREAMING_SNAKE_CASE.
    #[arg(long)]
    pub name: Option<String>,

    /// The policy file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Explains a diagnostic code: what it means, an example, and the fix.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  the code was explained (or listed)
  2  unknown code, or usage error")]
pub struct ExplainArgs {
    /// The code, such as `INVALID_ARN_REGION` (case does not matter).
    #[arg(required_unless_present = "list", value_name = "CODE")]
    pub code: Option<String>,

    /// List every code with its severity and a one-line summary, then the IAM Access Analyzer
    /// codes that are not reported, with the reason.
    #[arg(long, conflicts_with = "code")]
    pub list: bool,
}

/// Fails when a policy can allow any of the given actions (on the given resources).
///
/// The answer is exact: action and ARN wildcards are compared as languages, conditions over the
/// values each operator can tell apart. When the policy grants one of the actions, the request
/// that proves it is printed (action, resource, context), after evaluation confirmed it. A policy
/// variable whose key `--context` does not fix, or a key tested as two types at once, can leave
/// the answer unknown, which fails too.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  the policy allows none of the actions
  1  it allows one (the request is printed), or the answer is unknown
  2  usage error, a policy file that cannot be read or is not a valid policy

Example:
  iam-policy check-access-not-granted --policy dev.json --action 'iam:*' 's3:Delete*'")]
pub struct NotGrantedArgs {
    /// The policy file.
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,

    /// Actions the policy must not allow, wildcards allowed (`iam:*`, `s3:Delete*`, `*`).
    #[arg(long = "action", required = true, num_args = 1.., value_name = "ACTION")]
    pub actions: Vec<String>,

    /// Only on these resources (ARN patterns); every resource by default.
    #[arg(long = "resource", num_args = 1.., value_name = "ARN")]
    pub resources: Vec<String>,

    /// A context value every request carries, such as `aws:username=alice`; a key given twice is
    /// multivalued. Keys not given may take any value or be absent.
    #[arg(long = "context", value_name = "KEY=VALUE")]
    pub context: Vec<String>,

    /// The kind of policy.
    #[arg(long, value_enum, default_value_t = PolicyTypeArg::MANAGED, value_name = "TYPE")]
    pub policy_type: PolicyTypeArg,

    /// Output format: text, or one JSON object with the result and the request found.
    #[arg(long, value_enum, default_value_t = AccessFormat::Human)]
    pub format: AccessFormat,

    #[command(flatten)]
    pub extras: ExtrasArgs,
}

/// Fails when a policy allows any request that a reference policy does not.
///
/// Exact in the same way as `check-access-not-granted`; when the policy grants more, a request
/// it allows and the reference does not is printed, confirmed by evaluation.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  the policy allows nothing the reference does not
  1  it allows more (the request is printed), or the answer is unknown
  2  usage error, a policy file that cannot be read or is not a valid policy

Example:
  iam-policy check-no-new-access --policy new.json --reference old.json")]
pub struct NoNewAccessArgs {
    /// The new policy.
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,

    /// The reference policy it must not exceed.
    #[arg(long, value_name = "FILE")]
    pub reference: PathBuf,

    /// A context value every request carries, such as `aws:username=alice`.
    #[arg(long = "context", value_name = "KEY=VALUE")]
    pub context: Vec<String>,

    /// The kind of both policies.
    #[arg(long, value_enum, default_value_t = PolicyTypeArg::MANAGED, value_name = "TYPE")]
    pub policy_type: PolicyTypeArg,

    /// Output format: text, or one JSON object with the result and the request found.
    #[arg(long, value_enum, default_value_t = AccessFormat::Human)]
    pub format: AccessFormat,

    #[command(flatten)]
    pub extras: ExtrasArgs,
}

/// Fails when a resource-based policy can allow a principal outside the trusted accounts and
/// organization, or an anonymous one.
///
/// Without `--account` or `--org`, the question is IAM Access Analyzer's `CheckNoPublicAccess`:
/// the accounts, principals and organizations the policy names are trusted, and public means
/// anonymous or any other account. With them, every other account is outside, even one the policy
/// names. Conditions on `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceAccount`,
/// `aws:SourceArn`, `aws:SourceVpc`, `aws:SourceVpce` and `aws:SourceIp` restrict access when they
/// name values that are yours (docs/access.md). When the policy is public, the request that proves
/// it is printed (principal, action, resource, context), after evaluation confirmed it.
#[derive(Debug, Args)]
#[command(after_help = "Exit status:
  0  the policy allows no principal outside the trusted accounts, and no anonymous one
  1  it allows one (the request is printed), or the answer is unknown
  2  usage error, a policy file that cannot be read, is not a valid policy or is not resource-based

Example:
  iam-policy check-no-public-access --policy bucket.json --policy-type s3-bucket --org o-a1b2c3d4e5")]
pub struct NoPublicAccessArgs {
    /// The resource-based policy file.
    #[arg(long, value_name = "FILE")]
    pub policy: PathBuf,

    /// A trusted account (12 digits); repeat for more.
    #[arg(long = "account", value_name = "ACCOUNT")]
    pub accounts: Vec<String>,

    /// The trusted organization (`o-...`).
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,

    /// The kind of policy: any kind with a `Principal` (`resource`, `s3-bucket`, `trust`, ...).
    #[arg(long, value_enum, default_value_t = PolicyTypeArg(iam_policy::PolicyType::Resource), value_name = "TYPE")]
    pub policy_type: PolicyTypeArg,

    /// Output format: text, or one JSON object with the result and the request found.
    #[arg(long, value_enum, default_value_t = AccessFormat::Human)]
    pub format: AccessFormat,

    #[command(flatten)]
    pub extras: ExtrasArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AccessFormat {
    Human,
    Json,
}

/// Actions and condition keys that AWS released after the service catalog (`iam-policy --version`
/// names its release), accepted as if the catalog had them; everything else is still checked.
#[derive(Debug, Default, Args)]
pub struct ExtrasArgs {
    /// Accept this action (`newsvc:DoThing`), released after the service catalog; repeatable.
    /// `"newsvc:ListThings no-resource"`: it acts on no resource, so its requests name `*`.
    #[arg(long = "extra-action", value_name = "ACTION")]
    pub extra_actions: Vec<String>,

    /// Accept this condition key (`newsvc:Color`), released after the service catalog; repeatable.
    /// `"newsvc:Size Numeric"`: with its type, so that its operators are checked.
    #[arg(long = "extra-key", value_name = "KEY")]
    pub extra_keys: Vec<String>,

    /// A file of such declarations, one a line: `action newsvc:DoThing [no-resource]` or
    /// `key newsvc:Color [TYPE]` (`#` starts a comment): the format of the `IAM_POLICY_EXTRAS`
    /// file of the build.
    #[arg(long = "extras", value_name = "FILE")]
    pub extras_file: Option<PathBuf>,
}

impl ExtrasArgs {
    /// The declarations of the three options together; the message names the option at fault.
    pub fn load(&self) -> Result<iam_policy::Extras, String> {
        let mut extras = match &self.extras_file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|error| {
                    format!("cannot read the extras file `{}`: {error}", path.display())
                })?;
                iam_policy::Extras::parse(&text)
                    .map_err(|error| format!("`--extras {}`: {error}", path.display()))?
            }
            None => iam_policy::Extras::new(),
        };
        for action in &self.extra_actions {
            extras
                .add_action(action)
                .map_err(|error| format!("`--extra-action {action}`: {error}"))?;
        }
        for key in &self.extra_keys {
            extras
                .add_key(key)
                .map_err(|error| format!("`--extra-key {key}`: {error}"))?;
        }
        Ok(extras)
    }
}

#[cfg(test)]
mod tests {
    /// clap's own checks of the definitions (unique argument names across flattened groups, ...),
    /// which it otherwise runs only when a subcommand is used.
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
