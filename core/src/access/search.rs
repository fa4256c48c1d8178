//! The search for a request that one policy allows and a second does not (or that a question's
//! actions and resources admit).
//!
//! A request is allowed when some `Allow` statement applies and no `Deny` does; a statement
//! applies when its action block, its resource block and each of its conditions hold. Each of
//! those tests reads one dimension of the request only: the action, the resource, or one context
//! key. The search picks, statement by statement, which tests must hold and which must fail
//! (a DPLL over clauses of tests), and checks after each pick that every dimension still has a
//! value satisfying all of its tests; those per-dimension searches are exact (see
//! [`super::automaton`] and [`super::domain`]). When every clause is satisfied, the dimension
//! values make the request.
//!
//! Where a test cannot be searched exactly (a policy variable of a key the question leaves free),
//! it is widened so that the search can only find more, never less: "no request" then still
//! proves the property, and a request found is kept only if evaluation confirms it.

use std::collections::{BTreeMap, HashMap};

use crate::compiled::{
    ActionPattern, Condition, ConditionValues, Effect, ResourcePattern, Statement,
};
use crate::eval::Decision;
use crate::interpret;
use crate::pattern::Case;

use super::automaton::{self, Pattern, Search};
use super::domain::{self, Solved, Test};
use super::language::{self, FreeVariables, Translator};
use super::witness::{Context, KeyValue, Witness};

/// Which statement list a statement comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// The policy whose access is asked about.
    Target,
    /// The policy it must not exceed.
    Reference,
    /// The question's own actions and resources.
    Query,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct StatementId {
    origin: Origin,
    index: usize,
}

/// One test of a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Atom {
    Action(StatementId),
    Resource(StatementId),
    Condition(StatementId, usize),
    /// `Principal`/`NotPrincipal`: a constant when the problem names the caller (the public
    /// access search tries one caller at a time), otherwise widened (the requests searched come
    /// from the principal evaluation assumes by default).
    Principal(StatementId),
}

type Literal = (Atom, bool);

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Dimension {
    Action,
    Resource,
    /// A context key, lowercased.
    Key(String),
}

/// What a literal constrains.
enum Kind {
    Constant(bool),
    /// A test the search cannot read exactly: left unconstrained (a widening).
    Free,
    Dimension(Dimension),
}

#[derive(Clone, Debug)]
enum Value {
    Action(String),
    Resource(String),
    Key(Option<KeyValue>),
}

/// A disjunction of conjunctions of literals.
type Clause = Vec<Vec<Literal>>;

/// The question.
#[derive(Debug)]
pub struct Problem<'a> {
    /// The statements of the policy whose access is asked about.
    pub target: &'a [Statement],
    /// The statements of the policy it must not exceed (`no_new_access`), if any.
    pub reference: Option<&'a [Statement]>,
    /// The question's actions and resources as one statement: a request found must match it.
    pub query: Option<Statement>,
    /// The context values the question fixes.
    pub fixed: &'a Context,
    /// Who asks (`*`, a principal ARN, a service principal, a provider); `None`: not searched.
    pub caller: Option<&'a str>,
}

/// The outcome of a search.
#[derive(Debug)]
pub enum Outcome {
    /// A request the target allows (and the reference does not), confirmed by evaluation.
    Found(Witness),
    /// No request: the property holds.
    None,
    /// Not decided: why.
    Unknown(String),
}

/// How many dimension searches one question may run.
const WORK_BUDGET: usize = 200_000;

/// Searches for a request that answers the problem, within a fixed work budget.
#[must_use]
pub fn run(problem: &Problem<'_>) -> Outcome {
    let mut searcher = Searcher {
        problem,
        cache: HashMap::new(),
        actions: HashMap::new(),
        resources: HashMap::new(),
        widened: false,
        unknown: None,
        work: 0,
    };
    let modes = searcher.modes();
    for clauses in modes {
        let mut assignment = BTreeMap::new();
        if let Some(witness) = searcher.dpll(&clauses, 0, &mut assignment) {
            return Outcome::Found(witness);
        }
        if searcher.work > WORK_BUDGET {
            break;
        }
    }
    match searcher.unknown {
        Some(reason) => Outcome::Unknown(reason),
        None => Outcome::None,
    }
}

/// An action block, indexed by service.
struct ActionIndex {
    negated: bool,
    any: bool,
    by_service: Vec<(String, Vec<Pattern>)>,
}

/// A resource block as automata.
struct ResourceIndex {
    negated: bool,
    any: bool,
    /// Entries with free variables read as `*` (what a positive test may use).
    widened: Vec<Pattern>,
    /// Entries without free variables (what a negative test may rely on).
    strict: Vec<Pattern>,
    /// Some entry names a free variable.
    free: bool,
    /// Some entry names a variable the question's context leaves without value.
    unresolved: bool,
}

struct Searcher<'a> {
    problem: &'a Problem<'a>,
    cache: HashMap<(Dimension, Vec<Literal>), Solved<Value>>,
    actions: HashMap<StatementId, ActionIndex>,
    resources: HashMap<StatementId, ResourceIndex>,
    /// A test was widened: a request found must be confirmed, and may fail to be.
    widened: bool,
    unknown: Option<String>,
    work: usize,
}

impl<'a> Searcher<'a> {
    fn statement(&self, id: StatementId) -> &'a Statement {
        match id.origin {
            Origin::Target => &self.problem.target[id.index],
            Origin::Reference => &self.problem.reference.expect("reference")[id.index],
            Origin::Query => self.problem.query.as_ref().expect("query"),
        }
    }

    fn applies(&self, id: StatementId, want: bool) -> Vec<Literal> {
        let statement = self.statement(id);
        let mut out = vec![(Atom::Action(id), want), (Atom::Resource(id), want)];
        if statement.principals.is_some() {
            out.push((Atom::Principal(id), want));
        }
        out.extend((0..statement.conditions.len()).map(|k| (Atom::Condition(id, k), want)));
        out
    }

    /// The clause sets to search, one per way the reference can refuse.
    fn modes(&self) -> Vec<Vec<Clause>> {
        let mut base: Vec<Clause> = Vec::new();
        if self.problem.query.is_some() {
            let id = StatementId {
                origin: Origin::Query,
                index: 0,
            };
            base.push(vec![self.applies(id, true)]);
        }
        let ids = |origin: Origin, statements: &[Statement], effect: Effect| {
            statements
                .iter()
                .enumerate()
                .filter(move |(_, s)| s.effect == effect)
                .map(move |(index, _)| StatementId { origin, index })
                .collect::<Vec<_>>()
        };
        let target = self.problem.target;
        base.push(
            ids(Origin::Target, target, Effect::Allow)
                .into_iter()
                .map(|id| self.applies(id, true))
                .collect(),
        );
        for id in ids(Origin::Target, target, Effect::Deny) {
            base.push(self.refusals(id));
        }
        let Some(reference) = self.problem.reference else {
            return vec![base];
        };
        // The reference refuses when none of its Allows applies, or when one of its Denies does.
        let mut none_allows = base.clone();
        for id in ids(Origin::Reference, reference, Effect::Allow) {
            none_allows.push(self.refusals(id));
        }
        let mut modes = vec![none_allows];
        for id in ids(Origin::Reference, reference, Effect::Deny) {
            let mut mode = base.clone();
            mode.push(vec![self.applies(id, true)]);
            modes.push(mode);
        }
        modes
    }

    /// "This statement does not apply": one of its tests fails.
    fn refusals(&self, id: StatementId) -> Clause {
        self.applies(id, false)
            .into_iter()
            .map(|literal| vec![literal])
            .collect()
    }

    fn dpll(
        &mut self,
        clauses: &[Clause],
        at: usize,
        assignment: &mut BTreeMap<Dimension, Vec<Literal>>,
    ) -> Option<Witness> {
        if self.work > WORK_BUDGET {
            self.note_unknown("the search took more steps than its budget allows");
            return None;
        }
        let Some(clause) = clauses.get(at) else {
            return self.leaf(assignment);
        };
        if self.satisfied(clause, assignment) {
            return self.dpll(clauses, at + 1, assignment);
        }
        for cube in clause {
            let mut added: Vec<(Dimension, Literal)> = Vec::new();
            let mut ok = true;
            for &literal in cube {
                match self.kind(literal.0) {
                    Kind::Constant(c) => ok &= c == literal.1,
                    Kind::Free => self.widened = true,
                    Kind::Dimension(d) => {
                        let list = assignment.entry(d.clone()).or_default();
                        if list.contains(&(literal.0, !literal.1)) {
                            ok = false;
                        } else if !list.contains(&literal) {
                            list.push(literal);
                            list.sort();
                            added.push((d, literal));
                        }
                    }
                }
                if !ok {
                    break;
                }
            }
            if ok {
                let mut touched: Vec<&Dimension> = added.iter().map(|(d, _)| d).collect();
                touched.dedup();
                for d in touched {
                    let literals = assignment[d].clone();
                    if matches!(self.solve(d, &literals), Solved::None) {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && let Some(witness) = self.dpll(clauses, at + 1, assignment) {
                return Some(witness);
            }
            for (d, literal) in &added {
                if let Some(list) = assignment.get_mut(d) {
                    list.retain(|l| l != literal);
                    if list.is_empty() {
                        assignment.remove(d);
                    }
                }
            }
        }
        None
    }

    /// True when the clause already holds: a cube whose literals are all assigned or constant
    /// true, or a one-literal cube that the assigned tests of its dimension imply.
    fn satisfied(
        &mut self,
        clause: &Clause,
        assignment: &BTreeMap<Dimension, Vec<Literal>>,
    ) -> bool {
        for cube in clause {
            let all = cube.iter().all(|&literal| match self.kind(literal.0) {
                Kind::Constant(c) => c == literal.1,
                Kind::Free => false,
                Kind::Dimension(d) => assignment.get(&d).is_some_and(|l| l.contains(&literal)),
            });
            if all {
                return true;
            }
        }
        for cube in clause {
            if let [literal] = cube.as_slice()
                && let Kind::Dimension(d) = self.kind(literal.0)
                && let Some(current) = assignment.get(&d)
            {
                let mut opposite = current.clone();
                if opposite.contains(&(literal.0, !literal.1)) {
                    continue;
                }
                opposite.push((literal.0, !literal.1));
                opposite.sort();
                if matches!(self.solve(&d, &opposite), Solved::None) {
                    return true;
                }
            }
        }
        false
    }

    fn note_unknown(&mut self, reason: impl Into<String>) {
        if self.unknown.is_none() {
            self.unknown = Some(reason.into());
        }
    }

    fn kind(&self, atom: Atom) -> Kind {
        match atom {
            Atom::Action(_) => Kind::Dimension(Dimension::Action),
            Atom::Principal(id) => match self.problem.caller {
                None => Kind::Free,
                Some(caller) => {
                    let statement = self.statement(id);
                    let context = crate::principal::PrincipalContext {
                        caller: crate::principal::Caller::parse(caller),
                        ..crate::principal::PrincipalContext::UNSPECIFIED
                    };
                    Kind::Constant(crate::principal::applies(
                        statement.principals.as_ref(),
                        statement.effect,
                        &context,
                    ))
                }
            },
            Atom::Resource(id) => {
                let statement = self.statement(id);
                let fixed = self.problem.fixed;
                // A NotResource whose variable the question leaves without value never applies.
                if statement.resources.negated
                    && statement.resources.patterns.iter().any(|p| match p {
                        ResourcePattern::Arn(arn) => unresolved_in(arn, fixed),
                        _ => false,
                    })
                {
                    return Kind::Constant(false);
                }
                Kind::Dimension(Dimension::Resource)
            }
            Atom::Condition(id, k) => {
                let condition = &self.statement(id).conditions[k];
                let fixed = self.problem.fixed;
                if condition_has_free_variables(condition, fixed) {
                    return Kind::Free;
                }
                if fixed.lookup(&condition.key).is_some() {
                    let request = Witness {
                        principal: None,
                        action: String::new(),
                        resource: String::new(),
                        context: fixed.clone(),
                    };
                    return Kind::Constant(
                        interpret::condition_truth(condition, &request) == crate::eval::Truth::True,
                    );
                }
                Kind::Dimension(Dimension::Key(condition.key.to_lowercase()))
            }
        }
    }

    fn solve(&mut self, dimension: &Dimension, literals: &[Literal]) -> Solved<Value> {
        let key = (dimension.clone(), literals.to_vec());
        if let Some(answer) = self.cache.get(&key) {
            return answer.clone();
        }
        self.work += 1;
        let answer = match dimension {
            Dimension::Action => self.solve_action(literals),
            Dimension::Resource => self.solve_resource(literals, &[], false),
            Dimension::Key(name) => {
                let tests: Vec<Test<'_>> = literals
                    .iter()
                    .map(|&(atom, want)| match atom {
                        Atom::Condition(id, k) => Test {
                            condition: &self.statement(id).conditions[k],
                            want,
                        },
                        _ => unreachable!("a key holds condition tests only"),
                    })
                    .collect();
                match domain::solve(name, &tests, self.problem.fixed) {
                    Solved::Found(v) => Solved::Found(Value::Key(v)),
                    Solved::None => Solved::None,
                    Solved::Unknown => Solved::Unknown,
                }
            }
        };
        self.cache.insert(key, answer.clone());
        answer
    }

    fn action_index(&mut self, id: StatementId) -> &ActionIndex {
        let statement = self.statement(id);
        self.actions.entry(id).or_insert_with(|| {
            let translate = Translator {
                fixed: &Context::new(),
                free: FreeVariables::Widen,
            };
            let mut by_service: Vec<(String, Vec<Pattern>)> = Vec::new();
            let mut position: HashMap<String, usize> = HashMap::new();
            let mut any = false;
            for pattern in statement.actions.patterns.iter() {
                match pattern {
                    ActionPattern::Any => any = true,
                    ActionPattern::Named { service, name } => {
                        let service = service.to_ascii_lowercase();
                        let glob = translate
                            .glob(name, Case::Insensitive)
                            .unwrap_or_else(|_| Pattern::any());
                        let at = *position.entry(service.clone()).or_insert_with(|| {
                            by_service.push((service, Vec::new()));
                            by_service.len() - 1
                        });
                        by_service[at].1.push(glob);
                    }
                }
            }
            ActionIndex {
                negated: statement.actions.negated,
                any,
                by_service,
            }
        })
    }

    fn solve_action(&mut self, literals: &[Literal]) -> Solved<Value> {
        let ids: Vec<(StatementId, bool)> = literals
            .iter()
            .map(|&(atom, want)| match atom {
                Atom::Action(id) => (id, want),
                _ => unreachable!("the action dimension holds action tests only"),
            })
            .collect();
        for &(id, _) in &ids {
            self.action_index(id);
        }
        let blocks: Vec<(&ActionIndex, bool)> = ids
            .iter()
            .map(|&(id, want)| (&self.actions[&id], want))
            .collect();
        // A test that needs a match restricts the services to its own.
        let needs_match =
            |(index, want): &(&ActionIndex, bool)| *want != index.negated && !index.any;
        let restricting = blocks
            .iter()
            .filter(|b| needs_match(b))
            .min_by_key(|(index, _)| index.by_service.len());
        let mut services: Vec<&str> = Vec::new();
        match restricting {
            Some((index, _)) => services.extend(index.by_service.iter().map(|(s, _)| s.as_str())),
            None => {
                let mut seen = std::collections::HashSet::new();
                for (index, _) in &blocks {
                    for (s, _) in &index.by_service {
                        if seen.insert(s.as_str()) {
                            services.push(s.as_str());
                        }
                    }
                }
            }
        }
        let mut unknown = false;
        for service in &services {
            let mut patterns: Vec<&Pattern> = Vec::new();
            let mut spans = Vec::with_capacity(blocks.len());
            for (index, _) in &blocks {
                let start = patterns.len();
                if let Some((_, globs)) = index.by_service.iter().find(|(s, _)| s == service) {
                    patterns.extend(globs.iter());
                }
                spans.push(start..patterns.len());
            }
            let accept = |m: &[bool]| {
                blocks.iter().zip(&spans).all(|((index, want), span)| {
                    let matched = index.any || m[span.clone()].iter().any(|&b| b);
                    (matched != index.negated) == *want
                })
            };
            if let Some(name) = catalog_action(service, &patterns, &accept) {
                return Solved::Found(Value::Action(format!("{service}:{name}")));
            }
            let non_empty = language::non_empty();
            let mut with_shape = patterns.clone();
            with_shape.push(&non_empty);
            let n = patterns.len();
            match automaton::find(&with_shape, &|m: &[bool]| m[n] && accept(&m[..n])) {
                Search::Found(name) => {
                    return Solved::Found(Value::Action(format!("{service}:{name}")));
                }
                Search::GaveUp => unknown = true,
                Search::Empty => {
                    // Only the empty name can be left.
                    let empty: Vec<bool> = patterns.iter().map(|p| p.accepts("")).collect();
                    if accept(&empty) {
                        return Solved::Found(Value::Action(format!("{service}:")));
                    }
                }
            }
        }
        if restricting.is_none() {
            // A service no pattern names: only `*` entries match it.
            let fits = blocks
                .iter()
                .all(|(index, want)| (index.any != index.negated) == *want);
            if fits {
                let named: Vec<&str> = blocks
                    .iter()
                    .flat_map(|(index, _)| index.by_service.iter().map(|(s, _)| s.as_str()))
                    .collect();
                return Solved::Found(Value::Action(unnamed_action(&named)));
            }
        }
        if unknown {
            Solved::Unknown
        } else {
            Solved::None
        }
    }

    fn resource_index(&mut self, id: StatementId) -> &ResourceIndex {
        let statement = self.statement(id);
        let fixed = self.problem.fixed;
        self.resources.entry(id).or_insert_with(|| {
            let widen = Translator {
                fixed,
                free: FreeVariables::Widen,
            };
            let refuse = Translator {
                fixed,
                free: FreeVariables::Refuse,
            };
            let mut index = ResourceIndex {
                negated: statement.resources.negated,
                any: false,
                widened: Vec::new(),
                strict: Vec::new(),
                free: false,
                unresolved: false,
            };
            for pattern in statement.resources.patterns.iter() {
                match pattern {
                    ResourcePattern::Any => index.any = true,
                    ResourcePattern::Never => {}
                    ResourcePattern::Arn(arn) => {
                        index.unresolved |= unresolved_in(arn, fixed);
                        index
                            .widened
                            .push(widen.arn(arn).unwrap_or_else(|_| Pattern::any()));
                        match refuse.arn(arn) {
                            Ok(p) => index.strict.push(p),
                            Err(_) => index.free = true,
                        }
                    }
                }
            }
            index
        })
    }

    /// `prefer`: extra languages the resource should be in, tried first (for a well-formed
    /// request); the search falls back to none.
    fn solve_resource(
        &mut self,
        literals: &[Literal],
        prefer: &[Pattern],
        star_first: bool,
    ) -> Solved<Value> {
        let ids: Vec<(StatementId, bool)> = literals
            .iter()
            .map(|&(atom, want)| match atom {
                Atom::Resource(id) => (id, want),
                _ => unreachable!("the resource dimension holds resource tests only"),
            })
            .collect();
        for &(id, _) in &ids {
            self.resource_index(id);
        }
        let blocks: Vec<(&ResourceIndex, bool)> = ids
            .iter()
            .map(|&(id, want)| (&self.resources[&id], want))
            .collect();
        if blocks
            .iter()
            .any(|(index, want)| index.free && (index.negated || !want))
        {
            self.widened = true;
        }
        if blocks
            .iter()
            .any(|(index, want)| index.free && !index.negated && *want)
        {
            self.widened = true;
        }
        // Which patterns each test reads, and how.
        let mut patterns: Vec<&Pattern> = Vec::new();
        let mut spans = Vec::new();
        for (index, want) in &blocks {
            let start = patterns.len();
            let use_widened = !index.negated && *want;
            patterns.extend(if use_widened {
                index.widened.iter()
            } else {
                index.strict.iter()
            });
            spans.push(start..patterns.len());
        }
        let test = |m: &[bool], star: bool| {
            blocks.iter().zip(&spans).all(|((index, want), span)| {
                if index.negated && !want && index.free {
                    return true;
                }
                let matched = index.any || (!star && m[span.clone()].iter().any(|&b| b));
                let applies = if index.negated {
                    !matched && !index.unresolved
                } else {
                    matched
                };
                applies == *want
            })
        };
        let star_fits = test(&[], true);
        if star_fits && star_first {
            return Solved::Found(Value::Resource("*".to_owned()));
        }
        let n = patterns.len();
        let shape = language::arn_shape();
        let mut tries: Vec<Vec<&Pattern>> = prefer.iter().map(|p| vec![p, &shape]).collect();
        tries.push(vec![&shape]);
        let mut unknown = false;
        for extra in tries {
            let mut all = patterns.clone();
            all.extend(extra.iter().copied());
            let k = extra.len();
            match automaton::find(&all, &|m: &[bool]| {
                m[n..n + k].iter().all(|&b| b) && test(&m[..n], false)
            }) {
                Search::Found(arn) => return Solved::Found(Value::Resource(arn)),
                Search::GaveUp => unknown = true,
                Search::Empty => {}
            }
        }
        if star_fits {
            return Solved::Found(Value::Resource("*".to_owned()));
        }
        if unknown {
            Solved::Unknown
        } else {
            Solved::None
        }
    }

    /// Every clause holds: the request from the dimension values, confirmed by evaluation.
    fn leaf(&mut self, assignment: &BTreeMap<Dimension, Vec<Literal>>) -> Option<Witness> {
        let mut witness = Witness {
            principal: self.problem.caller.map(str::to_owned),
            action: String::new(),
            resource: "*".to_owned(),
            context: self.problem.fixed.clone(),
        };
        let mut resource_literals: &[Literal] = &[];
        for (dimension, literals) in assignment {
            match self.solve(dimension, literals) {
                Solved::Found(Value::Action(a)) => witness.action = a,
                Solved::Found(Value::Resource(_)) => resource_literals = literals,
                Solved::Found(Value::Key(value)) => {
                    if let (Dimension::Key(_), Some(value)) = (dimension, value) {
                        let key = literals
                            .iter()
                            .find_map(|&(atom, _)| match atom {
                                Atom::Condition(id, k) => {
                                    Some(self.statement(id).conditions[k].key.to_string())
                                }
                                _ => None,
                            })
                            .unwrap_or_default();
                        witness.context.set(key, value);
                    }
                }
                Solved::None => return None,
                Solved::Unknown => {
                    self.note_unknown(format!(
                        "the values of {} could not be searched exactly",
                        describe(dimension)
                    ));
                    return None;
                }
            }
        }
        // The resource, preferring an ARN of the action's own service and resource types.
        let (prefer, star_first) = preferred_resources(&witness.action);
        match self.solve_resource(resource_literals, &prefer, star_first) {
            Solved::Found(Value::Resource(r)) => witness.resource = r,
            _ => return None,
        }
        if self.confirm(&witness) {
            return Some(witness);
        }
        if self.bind_variables(&mut witness) && self.confirm(&witness) {
            return Some(witness);
        }
        self.note_unknown(if self.widened {
            "a policy variable or a condition on a key the question does not fix could not be \
             searched exactly, and the request found for it is not allowed"
        } else {
            "the request found is not confirmed by evaluation"
        });
        None
    }

    /// Gives the free policy variables of the target's Allow statements the values that make
    /// their resource entries match the request's resource.
    fn bind_variables(&self, witness: &mut Witness) -> bool {
        let Some(parts) = crate::eval::split_arn(&witness.resource) else {
            return false;
        };
        let parts: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
        for statement in self.problem.target {
            if statement.effect != Effect::Allow || statement.resources.negated {
                continue;
            }
            for pattern in statement.resources.patterns.iter() {
                let ResourcePattern::Arn(arn) = pattern else {
                    continue;
                };
                let globs = [
                    &arn.partition,
                    &arn.service,
                    &arn.region,
                    &arn.account,
                    &arn.resource,
                ];
                if !globs.iter().any(|g| g.has_variables()) {
                    continue;
                }
                let mut bound: Vec<(String, String)> = Vec::new();
                let all = globs.iter().zip(&parts[1..]).all(|(glob, text)| {
                    super::bind::bind(glob, text, self.problem.fixed, &mut bound)
                });
                if all && !bound.is_empty() {
                    for (key, value) in bound {
                        witness.context.set(key, KeyValue::One(value));
                    }
                    return true;
                }
            }
        }
        false
    }

    fn confirm(&self, witness: &Witness) -> bool {
        let decide =
            |statements: &[Statement]| interpret::evaluate_statements(statements, witness).decision;
        if decide(self.problem.target) != Decision::Allowed {
            return false;
        }
        if let Some(reference) = self.problem.reference
            && decide(reference) == Decision::Allowed
        {
            return false;
        }
        if let Some(query) = &self.problem.query
            && !interpret::statement_applies(query, witness)
        {
            return false;
        }
        true
    }
}

fn describe(dimension: &Dimension) -> String {
    match dimension {
        Dimension::Action => "the action".to_owned(),
        Dimension::Resource => "the resource".to_owned(),
        Dimension::Key(key) => format!("the condition key `{key}`"),
    }
}

/// True when the ARN names a variable of a key the context fixes without a single value and
/// that has no default.
fn unresolved_in(arn: &crate::compiled::ArnPattern, fixed: &Context) -> bool {
    [
        &arn.partition,
        &arn.service,
        &arn.region,
        &arn.account,
        &arn.resource,
    ]
    .into_iter()
    .flat_map(|g| g.segments.iter())
    .any(|segment| match segment {
        crate::compiled::Segment::Variable(v) => fixed
            .lookup(&v.key)
            .is_some_and(|value| value.single().is_none() && v.default.is_none()),
        _ => false,
    })
}

fn condition_has_free_variables(condition: &Condition, fixed: &Context) -> bool {
    let free = |glob: &crate::compiled::Glob| {
        glob.segments.iter().any(|segment| match segment {
            crate::compiled::Segment::Variable(v) => fixed.lookup(&v.key).is_none(),
            _ => false,
        })
    };
    match &condition.values {
        ConditionValues::Strings(globs) => globs.iter().any(free),
        ConditionValues::Arns(arns) => arns.iter().any(|arn| {
            [
                &arn.partition,
                &arn.service,
                &arn.region,
                &arn.account,
                &arn.resource,
            ]
            .into_iter()
            .any(free)
        }),
        ConditionValues::Bools(values) => values.iter().any(|v| match v {
            crate::compiled::BoolValue::Variable(glob) => free(glob),
            crate::compiled::BoolValue::Literal(_) => false,
        }),
        _ => false,
    }
}

/// A real action of the service that the tests accept, if the catalog knows one.
#[cfg(feature = "catalog")]
fn catalog_action(
    service: &str,
    patterns: &[&Pattern],
    accept: &dyn Fn(&[bool]) -> bool,
) -> Option<&'static str> {
    let service = crate::catalog::catalog().service(service)?;
    let mut memberships = vec![false; patterns.len()];
    service.actions().map(|a| a.name()).find(|name| {
        for (slot, pattern) in memberships.iter_mut().zip(patterns) {
            *slot = pattern.accepts(name);
        }
        accept(&memberships)
    })
}

#[cfg(not(feature = "catalog"))]
fn catalog_action(
    _service: &str,
    _patterns: &[&Pattern],
    _accept: &dyn Fn(&[bool]) -> bool,
) -> Option<&'static str> {
    None
}

/// An action of a service none of `named` is.
fn unnamed_action(named: &[&str]) -> String {
    #[cfg(feature = "catalog")]
    {
        let catalog = crate::catalog::catalog();
        for service in catalog.services() {
            if named
                .iter()
                .any(|n| n.eq_ignore_ascii_case(service.prefix()))
            {
                continue;
            }
            if let Some(action) = service.actions().next() {
                return format!("{}:{}", service.prefix(), action.name());
            }
        }
    }
    let mut service = String::from("x");
    while named.iter().any(|n| n.eq_ignore_ascii_case(&service)) {
        service.push('x');
    }
    format!("{service}:X")
}

/// The ARNs a well-formed request for `action` names: its resource types' ARN formats (with
/// `aws`, `us-east-1` and `123456789012` for the partition, region and account), then any ARN of
/// its service.
fn preferred_resources(action: &str) -> (Vec<Pattern>, bool) {
    let Some((service, _)) = action.split_once(':') else {
        return (Vec::new(), false);
    };
    let mut out = Vec::new();
    #[cfg(feature = "catalog")]
    if let Some(found) = crate::catalog::catalog().action(action) {
        for (resource_type, _) in found.resource_types() {
            for template in resource_type.arn_templates() {
                out.push(template_pattern(template));
            }
        }
        if out.is_empty() {
            // No resource types: the request names `*`.
            return (out, true);
        }
    }
    let mut any_of_service = format!("arn:aws:{service}:us-east-1:123456789012:");
    any_of_service.push('*');
    out.push(glob_text_pattern(&any_of_service));
    (out, false)
}

/// An ARN template of the catalog (`arn:${Partition}:s3:::${BucketName}`) as a pattern: the
/// usual partition, region and account, and each other placeholder one or more characters.
#[cfg(feature = "catalog")]
fn template_pattern(template: &str) -> Pattern {
    use super::automaton::Step;
    use super::chars::CharTest;
    let text = template
        .replace("${Partition}", "aws")
        .replace("${Region}", "us-east-1")
        .replace("${Account}", "123456789012");
    let mut steps = Vec::new();
    let mut rest = text.as_str();
    let mut colons = 0;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("${")
            && let Some(end) = after.find('}')
        {
            let test = if colons < 5 {
                CharTest::NotColon
            } else {
                CharTest::Any
            };
            steps.push(Step::One(test));
            steps.push(Step::Run(test));
            rest = &after[end + 1..];
            continue;
        }
        if c == ':' {
            colons += 1;
        }
        steps.push(Step::One(CharTest::Exact(c)));
        rest = &rest[c.len_utf8()..];
    }
    Pattern::new(steps)
}

/// A text where `*` is any run: `arn:aws:s3:...:*`.
fn glob_text_pattern(text: &str) -> Pattern {
    use super::automaton::Step;
    use super::chars::CharTest;
    let steps = text
        .chars()
        .map(|c| {
            if c == '*' {
                Step::Run(CharTest::Any)
            } else {
                Step::One(CharTest::Exact(c))
            }
        })
        .collect();
    Pattern::new(steps)
}
