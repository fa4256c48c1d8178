//! "No public access": can a resource-based policy allow a request from a principal outside the
//! trusted accounts and organization, or an anonymous one?
//!
//! The principal is searched one caller at a time, over a finite list that covers every way a
//! `Principal` or `NotPrincipal` entry can match an outsider: the anonymous caller, the root,
//! a user and a role session of an account nobody trusts, every principal the policy names in an
//! untrusted account, every service principal and identity provider it names. For each caller
//! the keys AWS derives from it (`aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:PrincipalType`,
//! ...) are fixed, and the keys that name something its owner controls (`aws:PrincipalOrgID`,
//! `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceVpc`, `aws:SourceIp`, ...) may only take a
//! value that nobody trusted owns, or be absent. Those constraints are the question's own
//! statement, so evaluation confirms them in every witness, as it confirms the policy's Allow.
//! docs/access.md states the rules (after S3's meaning of "public").

use std::fmt::Write as _;

use crate::compiled::{
    ArnPattern, CompiledPolicy, ConditionValues, Glob, PrincipalPattern, Segment, Statement,
};
use crate::operator::Family;
use crate::principal::{IamArn, ProviderKind, is_account_id, provider_kind};

use super::witness::{Context, KeyValue, push_json_string};
use super::{Answer, QueryError, decide};

/// Whom the question trusts: accounts and an organization. With neither, the question is
/// IAM Access Analyzer's `CheckNoPublicAccess`: every account and organization the policy names
/// is trusted, and only access by anyone else (anonymous, any other account) is public.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trust {
    accounts: Vec<String>,
    org: Option<String>,
}

impl Trust {
    /// Trust what the policy names (Access Analyzer's meaning of public).
    #[must_use]
    pub fn named() -> Trust {
        Trust::default()
    }

    /// Trust these accounts (12 digits) and this organization (`o-` and 10 to 32 lowercase
    /// letters or digits). Any other account is outside, even one the policy names.
    pub fn parse(accounts: &[&str], org: Option<&str>) -> Result<Trust, QueryError> {
        for account in accounts {
            if !is_account_id(account) {
                return Err(QueryError {
                    message: format!("the trusted account `{account}` is not an account ID"),
                    help: Some("write an account as its 12 digits, such as `111122223333`".into()),
                });
            }
        }
        if let Some(org) = org
            && !is_org_id(org)
        {
            return Err(QueryError {
                message: format!("the trusted organization `{org}` is not an organization ID"),
                help: Some(
                    "write an organization as `o-` and 10 to 32 lowercase letters or digits, such as `o-a1b2c3d4e5`"
                        .into(),
                ),
            });
        }
        Ok(Trust {
            accounts: accounts.iter().map(|a| (*a).to_owned()).collect(),
            org: org.map(str::to_owned),
        })
    }

    /// The trusted accounts given (none: see [`Trust::named`]).
    #[must_use]
    pub fn accounts(&self) -> &[String] {
        &self.accounts
    }

    /// The trusted organization given.
    #[must_use]
    pub fn org(&self) -> Option<&str> {
        self.org.as_deref()
    }

    /// Neither accounts nor an organization: what the policy names is trusted.
    fn trusts_named(&self) -> bool {
        self.accounts.is_empty() && self.org.is_none()
    }
}

fn is_org_id(text: &str) -> bool {
    text.strip_prefix("o-").is_some_and(|rest| {
        (10..=32).contains(&rest.len())
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// Does `policy` allow no request from outside `trust` (and no anonymous one)?
#[must_use]
pub fn no_public_access(policy: &CompiledPolicy, trust: &Trust) -> Answer {
    let statements = &policy.statements;
    let named = Named::collect(statements);
    let trusted_accounts: Vec<String> = if trust.trusts_named() {
        named.accounts.clone()
    } else {
        trust.accounts.clone()
    };
    let trusted_orgs: Vec<String> = match (&trust.org, trust.trusts_named()) {
        (Some(org), _) => vec![org.clone()],
        (None, true) => named.orgs.clone(),
        (None, false) => Vec::new(),
    };
    let rules = Rules {
        statements,
        trusted_accounts: &trusted_accounts,
        trusted_orgs: &trusted_orgs,
        trust_named: trust.trusts_named(),
    };
    let mut unknown = None;
    for caller in callers(&named, &trusted_accounts, trust.trusts_named()) {
        let (query, fixed) = match rules.question(&caller) {
            Ok(question) => question,
            Err(reason) => {
                unknown.get_or_insert(reason);
                continue;
            }
        };
        match decide(statements, None, &query, &fixed, Some(&caller.text)) {
            Answer::Holds => {}
            Answer::Fails(witness) => match rename(&caller, witness, statements, &query) {
                Ok(witness) => return Answer::Fails(witness),
                Err(reason) => {
                    unknown.get_or_insert(reason);
                }
            },
            Answer::Unknown(reason) => {
                unknown.get_or_insert(reason);
            }
        }
    }
    if unknown.is_none() && account_wildcard(statements) {
        unknown = Some(
            "a wildcard in the account of `aws:PrincipalAccount` or `aws:PrincipalArn` matches \
             accounts the search cannot list: give the accounts exactly"
                .to_owned(),
        );
    }
    match unknown {
        Some(reason) => Answer::Unknown(reason),
        None => Answer::Holds,
    }
}

/// A witness of a caller named freely: its principal named as its `aws:PrincipalArn` says,
/// confirmed again by evaluation.
fn rename(
    caller: &Caller,
    mut witness: super::Witness,
    statements: &[Statement],
    query: &Statement,
) -> Result<super::Witness, String> {
    if caller.named_freely.is_none() {
        return Ok(witness);
    }
    let Some(arn) = witness
        .context
        .lookup("aws:PrincipalArn")
        .and_then(KeyValue::single)
    else {
        return Ok(witness);
    };
    let Some(principal) = caller.renamed(arn) else {
        return Err(format!(
            "the principal found, `{arn}`, is not a principal ARN of its account"
        ));
    };
    witness.principal = Some(principal);
    let allowed = crate::interpret::evaluate_statements(statements, &witness).decision
        == crate::eval::Decision::Allowed;
    if allowed && crate::interpret::statement_applies(query, &witness) {
        Ok(witness)
    } else {
        Err("the principal found for a condition on `aws:PrincipalArn` is not allowed".to_owned())
    }
}

/// True when a condition on the principal's account or ARN has a wildcard in the account: the
/// search tries the accounts the policy names and one other, which such a pattern may miss.
fn account_wildcard(statements: &[Statement]) -> bool {
    let wild = |glob: &Glob| literal(glob).is_none();
    statements.iter().any(|statement| {
        statement.conditions.iter().any(|condition| {
            let key = condition.key.to_ascii_lowercase();
            match (key.as_str(), &condition.values) {
                ("aws:principalaccount", ConditionValues::Strings(globs)) => globs.iter().any(wild),
                ("aws:principalarn", ConditionValues::Arns(arns)) => {
                    arns.iter().any(|arn| wild(&arn.account))
                }
                ("aws:principalarn", ConditionValues::Strings(globs)) => globs.iter().any(|glob| {
                    // A wildcard before the account's end reaches into it.
                    let mut colons = 0;
                    for segment in glob.segments.iter() {
                        match segment {
                            Segment::Literal(text) => colons += text.matches(':').count(),
                            _ => return colons < 5,
                        }
                        if colons >= 5 {
                            return false;
                        }
                    }
                    false
                }),
                _ => false,
            }
        })
    })
}

/// What the policy names: accounts, organizations, principals.
#[derive(Default)]
struct Named {
    accounts: Vec<String>,
    orgs: Vec<String>,
    principals: Vec<PrincipalPattern>,
}

impl Named {
    fn collect(statements: &[Statement]) -> Named {
        let mut named = Named::default();
        for statement in statements {
            if let Some(principals) = &statement.principals {
                for entry in principals.entries.iter() {
                    if let Some(account) = entry_account(entry) {
                        push_unique(&mut named.accounts, account);
                    }
                    named.principals.push(entry.clone());
                }
            }
            for condition in statement.conditions.iter() {
                let key = condition.key.to_ascii_lowercase();
                for text in literal_strings(&condition.values) {
                    match key.as_str() {
                        "aws:principalaccount"
                        | "aws:sourceaccount"
                        | "aws:sourceowner"
                        | "aws:resourceaccount"
                            if is_account_id(&text) =>
                        {
                            push_unique(&mut named.accounts, &text);
                        }
                        "aws:principalorgid" | "aws:sourceorgid" | "aws:resourceorgid" => {
                            push_unique(&mut named.orgs, &text)
                        }
                        _ => {}
                    }
                }
                for account in literal_arn_accounts(&condition.values) {
                    push_unique(&mut named.accounts, &account);
                }
            }
        }
        named
    }
}

fn push_unique(list: &mut Vec<String>, text: &str) {
    if !list.iter().any(|t| t == text) {
        list.push(text.to_owned());
    }
}

fn entry_account(entry: &PrincipalPattern) -> Option<&str> {
    match entry {
        PrincipalPattern::Account(account)
        | PrincipalPattern::User { account, .. }
        | PrincipalPattern::Role { account, .. }
        | PrincipalPattern::Session { account, .. }
        | PrincipalPattern::FederatedUser { account, .. } => Some(account),
        PrincipalPattern::Federated(provider) => IamArn::parse(provider).map(|arn| arn.account),
        _ => None,
    }
}

/// The text of a glob without wildcards or variables.
fn literal(glob: &Glob) -> Option<String> {
    let mut out = String::new();
    for segment in glob.segments.iter() {
        match segment {
            Segment::Literal(text) => out.push_str(text),
            _ => return None,
        }
    }
    Some(out)
}

fn literal_arn(arn: &ArnPattern) -> Option<String> {
    Some(format!(
        "arn:{}:{}:{}:{}:{}",
        literal(&arn.partition)?,
        literal(&arn.service)?,
        literal(&arn.region)?,
        literal(&arn.account)?,
        literal(&arn.resource)?
    ))
}

/// The wildcard-free values of a String or ARN condition.
fn literal_strings(values: &ConditionValues) -> Vec<String> {
    match values {
        ConditionValues::Strings(globs) => globs.iter().filter_map(literal).collect(),
        ConditionValues::Arns(arns) => arns.iter().filter_map(literal_arn).collect(),
        _ => Vec::new(),
    }
}

/// The accounts that ARN values name in their account field.
fn literal_arn_accounts(values: &ConditionValues) -> Vec<String> {
    let from_text = |text: &str| {
        crate::eval::split_arn(text)
            .map(|parts| parts[4].to_owned())
            .filter(|a| is_account_id(a))
    };
    match values {
        ConditionValues::Strings(globs) => globs
            .iter()
            .filter_map(literal)
            .filter_map(|t| from_text(&t))
            .collect(),
        ConditionValues::Arns(arns) => arns
            .iter()
            .filter_map(|arn| literal(&arn.account))
            .filter(|a| is_account_id(a))
            .collect(),
        _ => Vec::new(),
    }
}

/// One caller tried, and the keys AWS derives from it.
#[derive(Debug)]
struct Caller {
    /// As a request names it: `*`, an ARN, a service principal, a provider.
    text: String,
    account: Option<String>,
    /// `aws:PrincipalArn` (for a session, the role's ARN).
    arn: Option<String>,
    /// `aws:PrincipalType`.
    kind: Option<&'static str>,
    service: bool,
    /// The provider host whose claims (`HOST:sub`, ...) it carries, or `saml`.
    provider: Option<String>,
    /// A principal whose name its owner chooses: the shape of its `aws:PrincipalArn`
    /// (`arn:aws:iam::A:role/*`), searched instead of fixed when the policy tests that key.
    named_freely: Option<String>,
}

impl Caller {
    fn anonymous() -> Caller {
        Caller {
            text: "*".into(),
            account: None,
            arn: None,
            kind: Some("Anonymous"),
            service: false,
            provider: None,
            named_freely: None,
        }
    }
    fn in_account(account: &str, text: String, arn: String, kind: &'static str) -> Caller {
        Caller {
            text,
            account: Some(account.to_owned()),
            arn: Some(arn),
            kind: Some(kind),
            service: false,
            provider: None,
            named_freely: None,
        }
    }
    /// The same principal, its name the owner's to choose.
    fn any_name(mut self, shape: String) -> Caller {
        self.named_freely = Some(shape);
        self
    }
    /// The caller whose `aws:PrincipalArn` is `arn` (for a caller named freely).
    fn renamed(&self, arn: &str) -> Option<String> {
        let parsed = IamArn::parse(arn)?;
        let (kind, rest) = parsed.resource.split_once('/')?;
        match (self.kind, kind) {
            (Some("User"), "user") => Some(arn.to_owned()),
            (Some("AssumedRole"), "role") => {
                let role = rest.rsplit('/').next()?;
                let session = self.text.rsplit('/').next()?;
                Some(format!(
                    "arn:{}:sts::{}:assumed-role/{role}/{session}",
                    parsed.partition, parsed.account
                ))
            }
            (Some("FederatedUser"), "federated-user") if parsed.service == "sts" => {
                Some(arn.to_owned())
            }
            _ => None,
        }
    }
    fn root(account: &str) -> Caller {
        let arn = format!("arn:aws:iam::{account}:root");
        Caller::in_account(account, arn.clone(), arn, "Account")
    }
    fn user(account: &str, name: &str) -> Caller {
        let arn = format!("arn:aws:iam::{account}:user/{name}");
        Caller::in_account(account, arn.clone(), arn, "User")
    }
    fn session(account: &str, role: &str, session: &str) -> Caller {
        Caller::in_account(
            account,
            format!("arn:aws:sts::{account}:assumed-role/{role}/{session}"),
            format!("arn:aws:iam::{account}:role/{role}"),
            "AssumedRole",
        )
    }
    fn federated_user(account: &str, name: &str) -> Caller {
        let arn = format!("arn:aws:sts::{account}:federated-user/{name}");
        Caller::in_account(account, arn.clone(), arn, "FederatedUser")
    }
}

/// An account no one names or trusts.
fn fresh_account(taken: &[String]) -> String {
    let mut n: u64 = 999_999_999_999;
    loop {
        let text = n.to_string();
        if !taken.contains(&text) {
            return text;
        }
        n -= 1;
    }
}

/// The callers to try: every principal outside the trusted accounts that some entry of the policy
/// can match, and an anonymous caller and principals of an account nobody names.
fn callers(named: &Named, trusted: &[String], trust_named: bool) -> Vec<Caller> {
    let outside = |account: &str| !trusted.iter().any(|t| t == account);
    let mut taken = named.accounts.clone();
    taken.extend(trusted.iter().cloned());
    let fresh = fresh_account(&taken);
    let anyone = |account: &str| {
        [
            Caller::root(account),
            Caller::user(account, "outsider").any_name(format!("arn:aws:iam::{account}:user/*")),
            Caller::session(account, "outsider", "outsider")
                .any_name(format!("arn:aws:iam::{account}:role/*")),
            Caller::federated_user(account, "outsider")
                .any_name(format!("arn:aws:sts::{account}:federated-user/*")),
        ]
    };
    let mut out = vec![Caller::anonymous()];
    out.extend(anyone(&fresh));
    for account in named.accounts.iter().filter(|a| outside(a)) {
        out.extend(anyone(account));
    }
    for entry in &named.principals {
        let caller = match entry {
            PrincipalPattern::User { account, name } if outside(account) => {
                Caller::user(account, name)
            }
            PrincipalPattern::Role { account, name } if outside(account) => {
                Caller::session(account, name, "outsider")
            }
            PrincipalPattern::Session {
                account,
                role,
                session,
            } if outside(account) => Caller::session(account, role, session),
            PrincipalPattern::FederatedUser { account, name } if outside(account) => {
                Caller::federated_user(account, name)
            }
            PrincipalPattern::Service(service) => Caller {
                text: service.to_string(),
                account: None,
                arn: None,
                kind: None,
                service: true,
                provider: None,
                named_freely: None,
            },
            PrincipalPattern::Federated(provider) => {
                let kind = provider_kind(provider);
                let owner = IamArn::parse(provider).map(|arn| arn.account);
                // A SAML provider of a trusted account is that account's own sign-in.
                if kind == Some(ProviderKind::Saml) && owner.is_some_and(|a| !outside(a)) {
                    continue;
                }
                let host = match kind {
                    Some(ProviderKind::Saml) => "saml".to_owned(),
                    _ => match IamArn::parse(provider) {
                        Some(arn) => arn
                            .resource
                            .strip_prefix("oidc-provider/")
                            .unwrap_or(arn.resource)
                            .to_owned(),
                        None => provider.to_string(),
                    },
                };
                Caller {
                    text: provider.to_string(),
                    account: None,
                    arn: None,
                    kind: None,
                    service: false,
                    provider: Some(host),
                    named_freely: None,
                }
            }
            PrincipalPattern::CanonicalUser(id) if !trust_named => Caller {
                text: id.to_string(),
                account: None,
                arn: None,
                kind: None,
                service: false,
                provider: None,
                named_freely: None,
            },
            _ => continue,
        };
        if !out.iter().any(|c| c.text == caller.text) {
            out.push(caller);
        }
    }
    out
}

/// The keys whose values name something its owner controls, and what an outsider's value must
/// avoid.
struct Rules<'a> {
    statements: &'a [Statement],
    trusted_accounts: &'a [String],
    trusted_orgs: &'a [String],
    trust_named: bool,
}

/// One synthetic condition of the question's statement.
struct Test {
    operator: &'static str,
    key: String,
    values: Vec<String>,
}

impl Rules<'_> {
    /// The question's statement and fixed keys for one caller.
    fn question(&self, caller: &Caller) -> Result<(Statement, Context), String> {
        let mut fixed = Context::new();
        let mut tests: Vec<Test> = Vec::new();
        // Only the keys the policy reads: a witness shows what matters.
        let read = self.read_keys();
        let mut derived = |key: &str, value: Option<&str>| {
            if !read.iter().any(|k| k.eq_ignore_ascii_case(key)) {
                return;
            }
            match value {
                Some(v) => fixed.set(key, KeyValue::One(v.to_owned())),
                None => tests.push(Test {
                    operator: "Null",
                    key: key.to_owned(),
                    values: vec!["true".into()],
                }),
            }
        };
        derived("aws:PrincipalAccount", caller.account.as_deref());
        let arn_families = self.families("aws:PrincipalArn");
        let arn_shape = caller
            .named_freely
            .as_ref()
            .filter(|_| !arn_families.is_empty());
        if arn_shape.is_none() {
            derived("aws:PrincipalArn", caller.arn.as_deref());
        }
        derived("aws:PrincipalType", caller.kind);
        derived(
            "aws:PrincipalIsAWSService",
            Some(if caller.service { "true" } else { "false" }),
        );
        derived(
            "aws:PrincipalServiceName",
            caller.service.then_some(caller.text.as_str()),
        );
        if caller.account.is_none() {
            derived("aws:PrincipalOrgID", None);
            derived("aws:PrincipalOrgPaths", None);
        }
        // A name its owner chooses: the search picks the one the conditions want.
        if let Some(shape) = arn_shape {
            for (family, operator) in [(Family::String, "StringLike"), (Family::Arn, "ArnLike")] {
                if arn_families.contains(&family) {
                    tests.push(Test {
                        operator,
                        key: "aws:PrincipalArn".into(),
                        values: vec![shape.clone()],
                    });
                }
            }
        }
        for key in self.tested_keys() {
            tests.extend(self.avoid(&key, caller));
        }
        Ok((self.statement(&tests)?, fixed))
    }

    /// The keys the policy's conditions test, as first written.
    fn tested_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for statement in self.statements {
            for condition in statement.conditions.iter() {
                if !keys.iter().any(|k| k.eq_ignore_ascii_case(&condition.key)) {
                    keys.push(condition.key.to_string());
                }
            }
        }
        keys
    }

    /// The keys the policy tests or reads as policy variables.
    fn read_keys(&self) -> Vec<String> {
        let mut keys = self.tested_keys();
        keys.extend(super::variable_keys(
            self.statements.iter(),
            &Context::new(),
        ));
        keys
    }

    /// The families the policy tests `key` with.
    fn families(&self, key: &str) -> Vec<Family> {
        let mut out = Vec::new();
        for statement in self.statements {
            for condition in statement.conditions.iter() {
                let family = condition.operator.base.family();
                if condition.key.eq_ignore_ascii_case(key) && !out.contains(&family) {
                    out.push(family);
                }
            }
        }
        out
    }

    /// The wildcard-free values the policy names for `key`.
    fn literals(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for statement in self.statements {
            for condition in statement.conditions.iter() {
                if condition.key.eq_ignore_ascii_case(key) {
                    for text in literal_strings(&condition.values) {
                        push_unique(&mut out, &text);
                    }
                }
            }
        }
        out
    }

    fn trusted_account(&self, account: &str) -> bool {
        self.trusted_accounts.iter().any(|a| a == account)
    }

    /// The tests an outsider's value of `key` passes: absent, or none of what is trusted.
    fn avoid(&self, key: &str, caller: &Caller) -> Vec<Test> {
        let lower = key.to_ascii_lowercase();
        let families = self.families(key);
        let string = families.contains(&Family::String);
        let arn = families.contains(&Family::Arn);
        let mut out = Vec::new();
        let mut push = |operator: &'static str, values: Vec<String>| {
            if !values.is_empty() {
                out.push(Test {
                    operator,
                    key: key.to_owned(),
                    values,
                });
            }
        };
        match lower.as_str() {
            "aws:sourceaccount" | "aws:sourceowner" => {
                if string {
                    push("StringNotEquals", self.trusted_accounts.to_vec());
                }
            }
            "aws:principalorgid" | "aws:sourceorgid" => {
                if string && (caller.account.is_some() || lower == "aws:sourceorgid") {
                    push("StringNotEquals", self.trusted_orgs.to_vec());
                }
            }
            "aws:principalorgpaths" | "aws:sourceorgpaths" => {
                if string && (caller.account.is_some() || lower == "aws:sourceorgpaths") {
                    let paths = self.trusted_orgs.iter().map(|o| format!("{o}/*")).collect();
                    push("ForAllValues:StringNotLike", paths);
                }
            }
            "aws:sourcearn" => {
                let owned: Vec<String> = self
                    .literals(key)
                    .into_iter()
                    .filter(|text| match crate::eval::split_arn(text) {
                        Some(parts) if parts[4].is_empty() => self.trust_named,
                        Some(parts) => self.trusted_account(parts[4]),
                        None => self.trust_named,
                    })
                    .collect();
                if string {
                    push("StringNotEquals", owned.clone());
                }
                if arn {
                    let mut patterns: Vec<String> = self
                        .trusted_accounts
                        .iter()
                        .map(|a| format!("arn:*:*:*:{a}:*"))
                        .collect();
                    patterns.extend(owned);
                    push("ArnNotLike", patterns);
                }
            }
            "aws:sourcevpc" | "aws:sourcevpce" | "aws:sourcevpcarn" => {
                if string {
                    push("StringNotEquals", self.literals(key));
                }
                if arn {
                    push("ArnNotEquals", self.literals(key));
                }
            }
            "aws:sourceip" => {
                if families.contains(&Family::Ip) {
                    push("NotIpAddress", self.ranges(key));
                }
            }
            _ => {
                // The claims of the caller's identity provider: a value the policy names is
                // someone's own user, app or pool, except the claims every token carries alike.
                if let Some(host) = &caller.provider
                    && let Some(claim) = lower
                        .strip_prefix(&host.to_ascii_lowercase())
                        .and_then(|rest| rest.strip_prefix(':'))
                    && !generic_claim(host, claim)
                    && string
                {
                    push("StringNotEquals", self.literals(key));
                }
            }
        }
        out
    }

    /// The IP ranges the policy names for `key`, except those of every address.
    fn ranges(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for statement in self.statements {
            for condition in statement.conditions.iter() {
                if let ConditionValues::Ips(ips) = &condition.values
                    && condition.key.eq_ignore_ascii_case(key)
                {
                    for ip in ips.iter().filter(|ip| ip.prefix > 0) {
                        push_unique(&mut out, &ip.to_string());
                    }
                }
            }
        }
        out
    }

    /// The statement `{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": ...}`.
    fn statement(&self, tests: &[Test]) -> Result<Statement, String> {
        let mut text = String::from(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"#,
        );
        let mut operators: Vec<&str> = tests.iter().map(|t| t.operator).collect();
        operators.dedup();
        operators.sort();
        operators.dedup();
        for (i, operator) in operators.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            let _ = write!(text, "\"{operator}\":{{");
            for (j, test) in tests.iter().filter(|t| t.operator == *operator).enumerate() {
                if j > 0 {
                    text.push(',');
                }
                push_json_string(&mut text, &test.key);
                text.push_str(":[");
                for (k, value) in test.values.iter().enumerate() {
                    if k > 0 {
                        text.push(',');
                    }
                    push_json_string(&mut text, value);
                }
                text.push(']');
            }
            text.push('}');
        }
        text.push_str("}}]}");
        let options = crate::validate::Options::default();
        match crate::compile_text(&text, &options) {
            Ok((policy, _)) => Ok(policy.statements.into_owned().remove(0)),
            Err(_) => Err(
                "the conditions that describe an outside caller could not be built \
                 from the values the policy names"
                    .to_owned(),
            ),
        }
    }
}

/// A claim every token of the provider carries with the same value, which restricts nobody:
/// GitHub's audience (`sts.amazonaws.com`), and the authentication method (`amr`).
fn generic_claim(host: &str, claim: &str) -> bool {
    claim == "amr"
        || (host.eq_ignore_ascii_case("token.actions.githubusercontent.com") && claim == "aud")
}
