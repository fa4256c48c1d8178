//! Addresses and CIDR blocks for the `IpAddress`/`NotIpAddress` operators.
//!
//! Both families live in a `u128` so that one `Copy` type covers every policy value and matching is
//! a mask and a compare. Address text is parsed by `std::net`, which allocates nothing and rejects
//! IPv4 octets with leading zeros (`010.0.0.1` could mean octal to other tools).

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use super::{ValueError, quote};

/// A CIDR block, constructible in `const` items.
///
/// IPv4 blocks keep the address in the low 32 bits with `prefix` in `0..=32`; IPv6 blocks use
/// all 128 bits with `prefix` in `0..=128`. [`parse_cidr`] clears the host bits, so equal blocks
/// compare equal (`10.1.2.3/8` == `10.0.0.0/8`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IpNet {
    /// `true` for an IPv6 network, `false` for IPv4.
    pub v6: bool,
    /// The network's address (IPv4 in the low 32 bits), host bits cleared.
    pub addr: u128,
    /// The prefix length in bits (32 or 128 for a single address).
    pub prefix: u8,
}

impl fmt::Display for IpNet {
    /// Canonical `address/prefix`, so diagnostics show the block after host bits were cleared.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.v6 {
            write!(f, "{}/{}", Ipv6Addr::from(self.addr), self.prefix)
        } else {
            write!(f, "{}/{}", Ipv4Addr::from(self.addr as u32), self.prefix)
        }
    }
}

/// Why a string is not an address or block; `Copy` so the request path can share the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    Empty,
    Address,
    PrefixSyntax { v6: bool },
    PrefixRange { v6: bool },
}

/// Splits `addr[/prefix]` into the family, the address bits as written and the prefix if given.
fn parse(s: &str) -> Result<(bool, u128, Option<u8>), Reason> {
    if s.is_empty() {
        return Err(Reason::Empty);
    }
    let (addr, prefix) = match s.split_once('/') {
        Some((addr, prefix)) => (addr, Some(prefix)),
        None => (s, None),
    };
    let (v6, bits) = if addr.contains(':') {
        let a: Ipv6Addr = addr.parse().map_err(|_| Reason::Address)?;
        (true, u128::from(a))
    } else {
        let a: Ipv4Addr = addr.parse().map_err(|_| Reason::Address)?;
        (false, u128::from(u32::from(a)))
    };
    let prefix = match prefix {
        None => None,
        Some(p) => {
            // Plain decimal only: `u8::from_str` would also take `+8`, and `08` looks like a typo.
            let plain = !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
            if !plain || (p.len() > 1 && p.starts_with('0')) {
                return Err(Reason::PrefixSyntax { v6 });
            }
            let n: u8 = p.parse().map_err(|_| Reason::PrefixRange { v6 })?;
            if n > max_prefix(v6) {
                return Err(Reason::PrefixRange { v6 });
            }
            Some(n)
        }
    };
    Ok((v6, bits, prefix))
}

const fn max_prefix(v6: bool) -> u8 {
    if v6 { 128 } else { 32 }
}

/// The network mask for `prefix` bits of the family; prefixes beyond the family width saturate,
/// so a hand-written constant with a bad prefix cannot panic.
fn mask(v6: bool, prefix: u8) -> u128 {
    if v6 {
        u128::MAX
            .checked_shl(128 - u32::from(prefix.min(128)))
            .unwrap_or(0)
    } else {
        u128::from(
            u32::MAX
                .checked_shl(32 - u32::from(prefix.min(32)))
                .unwrap_or(0),
        )
    }
}

/// Parses a policy address or block (`a.b.c.d[/n]` or any IPv6 form with optional `/n`); a bare
/// address is a single-host block (`/32` or `/128`) and host bits are cleared.
pub fn parse_cidr(s: &str) -> Result<IpNet, ValueError> {
    match parse(s) {
        Ok((v6, addr, prefix)) => {
            let prefix = prefix.unwrap_or(max_prefix(v6));
            Ok(IpNet {
                v6,
                addr: addr & mask(v6, prefix),
                prefix,
            })
        }
        Err(reason) => {
            let value = quote(s);
            let family = |v6| if v6 { "ipv6" } else { "ipv4" };
            let message = match reason {
                Reason::Empty => {
                    "an empty value is not a valid ip address or cidr block".to_owned()
                }
                Reason::Address => format!(
                    "{value} is not a valid ip address or cidr block, \
                     expected e.g. `203.0.113.0/24` or `2001:db8::/32`"
                ),
                Reason::PrefixSyntax { v6 } => format!(
                    "{value} has a malformed prefix length, expected `/0` to `/{}` for {}",
                    max_prefix(v6),
                    family(v6)
                ),
                Reason::PrefixRange { v6 } => format!(
                    "{value} has a prefix length above {}, the maximum for {}",
                    max_prefix(v6),
                    family(v6)
                ),
            };
            Err(ValueError::new(message))
        }
    }
}

/// Parses a request address, returning `(is_v6, bits)`. A full-length suffix (`/32`, `/128`) is
/// tolerated, as some callers pass `a.b.c.d/32`; a shorter one makes the value a block, not an
/// address, and no address at all (`192.0.2.7/0` once matched `192.0.2.0/24`; decision D11).
#[must_use]
pub fn parse_ip(s: &str) -> Option<(bool, u128)> {
    match parse(s).ok()? {
        (v6, addr, None) => Some((v6, addr)),
        (v6, addr, Some(prefix)) if prefix == max_prefix(v6) => Some((v6, addr)),
        _ => None,
    }
}

/// Whether a request address lies in `net`.
///
/// Families do not mix, with one exception: an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, what a
/// dual-stack socket reports for an IPv4 client) also matches IPv4 blocks, as its IPv4 address.
/// An IPv4 request never matches an IPv6 block, not even `::ffff:0:0/96`.
#[must_use]
pub fn ip_in(net: &IpNet, v6: bool, addr: u128) -> bool {
    match (net.v6, v6) {
        (true, true) => addr & mask(true, net.prefix) == net.addr & mask(true, net.prefix),
        (false, false) => addr >> 32 == 0 && in_v4(net, addr),
        (false, true) => addr >> 32 == 0xffff && in_v4(net, addr & u128::from(u32::MAX)),
        (true, false) => false,
    }
}

fn in_v4(net: &IpNet, addr: u128) -> bool {
    addr & mask(false, net.prefix) == net.addr & mask(false, net.prefix)
}

const fn v4(a: u8, b: u8, c: u8, d: u8, prefix: u8) -> IpNet {
    IpNet {
        v6: false,
        addr: u32::from_be_bytes([a, b, c, d]) as u128,
        prefix,
    }
}

/// Private, loopback and link-local ranges.
const PRIVATE: [IpNet; 8] = [
    v4(10, 0, 0, 0, 8),
    v4(172, 16, 0, 0, 12),
    v4(192, 168, 0, 0, 16),
    v4(127, 0, 0, 0, 8),
    v4(169, 254, 0, 0, 16),
    IpNet {
        v6: true,
        addr: 0xfc00 << 112,
        prefix: 7,
    },
    IpNet {
        v6: true,
        addr: 0xfe80 << 112,
        prefix: 10,
    },
    IpNet {
        v6: true,
        addr: 1,
        prefix: 128,
    },
];

/// Whether the whole block lies in a private (RFC 1918, `fc00::/7`), loopback (`127.0.0.0/8`,
/// `::1`) or link-local (`169.254.0.0/16`, `fe80::/10`) range, which requests through AWS public
/// endpoints never come from; a lint uses it to flag `aws:SourceIp` conditions that cannot match.
/// IPv4-mapped IPv6 blocks are judged by their IPv4 part. A block that merely overlaps such a range
/// (`0.0.0.0/0`, `10.0.0.0/7`) is not private.
#[must_use]
pub fn is_private(net: &IpNet) -> bool {
    let (v6, addr, prefix) = if net.v6 && net.prefix >= 96 && net.addr >> 32 == 0xffff {
        (false, net.addr & u128::from(u32::MAX), net.prefix - 96)
    } else {
        (net.v6, net.addr, net.prefix)
    };
    PRIVATE.iter().any(|range| {
        range.v6 == v6 && prefix >= range.prefix && ip_in(range, v6, addr & mask(v6, prefix))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        parse_cidr(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn ip(s: &str) -> (bool, u128) {
        parse_ip(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    fn contains(block: &str, addr: &str) -> bool {
        let (v6, a) = ip(addr);
        ip_in(&net(block), v6, a)
    }

    const TEN: IpNet = IpNet {
        v6: false,
        addr: 0x0a00_0000,
        prefix: 8,
    };
    static DOC6: IpNet = IpNet {
        v6: true,
        addr: 0x2001_0db8 << 96,
        prefix: 32,
    };

    #[test]
    fn const_constructible() {
        assert_eq!(net("10.0.0.0/8"), TEN);
        assert_eq!(net("2001:db8::/32"), DOC6);
        assert_eq!(v4(10, 0, 0, 0, 8), TEN);
    }

    #[test]
    fn ipv4_forms() {
        assert_eq!(
            net("1.2.3.4"),
            IpNet {
                v6: false,
                addr: 0x0102_0304,
                prefix: 32
            }
        );
        assert_eq!(net("1.2.3.4/32"), net("1.2.3.4"));
        assert_eq!(
            net("0.0.0.0/0"),
            IpNet {
                v6: false,
                addr: 0,
                prefix: 0
            }
        );
        assert_eq!(
            net("255.255.255.255"),
            IpNet {
                v6: false,
                addr: 0xffff_ffff,
                prefix: 32
            }
        );
        assert_eq!(net("192.168.1.0/24").to_string(), "192.168.1.0/24");
    }

    #[test]
    fn ipv6_forms() {
        assert_eq!(
            net("::"),
            IpNet {
                v6: true,
                addr: 0,
                prefix: 128
            }
        );
        assert_eq!(
            net("::/0"),
            IpNet {
                v6: true,
                addr: 0,
                prefix: 0
            }
        );
        assert_eq!(
            net("::1"),
            IpNet {
                v6: true,
                addr: 1,
                prefix: 128
            }
        );
        assert_eq!(
            net("2001:db8::1"),
            net("2001:0db8:0000:0000:0000:0000:0000:0001")
        );
        assert_eq!(net("2001:DB8::1"), net("2001:db8::1"));
        assert_eq!(net("2001:db8::/32").addr, 0x2001_0db8 << 96);
        assert_eq!(net("::ffff:1.2.3.4").addr, 0xffff_0102_0304);
        assert_eq!(net("::ffff:1.2.3.4"), net("::ffff:102:304"));
        assert_eq!(
            net("64:ff9b::192.0.2.33/120").to_string(),
            "64:ff9b::c000:200/120"
        );
        assert_eq!(net("fe80::1:2:3:4/64").to_string(), "fe80::/64");
        assert!(net("::ffff:1.2.3.4").v6);
    }

    #[test]
    fn host_bits_are_masked() {
        assert_eq!(net("10.1.2.3/8"), TEN);
        assert_eq!(net("10.255.255.255/8").to_string(), "10.0.0.0/8");
        assert_eq!(net("172.31.255.255/12").to_string(), "172.16.0.0/12");
        assert_eq!(net("1.2.3.4/0"), net("0.0.0.0/0"));
        assert_eq!(net("2001:db8:ffff::1/32"), DOC6);
        assert_eq!(net("ffff::ffff/0"), net("::/0"));
        assert_eq!(net("2001:db8::1/127").addr, (0x2001_0db8 << 96));
        assert_eq!(net("2001:db8::3/127").addr, (0x2001_0db8 << 96) | 2);
    }

    #[test]
    fn rejected_blocks() {
        for s in [
            "",
            "999.1.1.1/99",
            "999.1.1.1",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.4/33",
            "::/129",
            "1.2.3.4/",
            "/8",
            "1.2.3.4/8/8",
            "1.2.3.4/+8",
            "1.2.3.4/-1",
            "1.2.3.4/08",
            "1.2.3.4/ 8",
            "1.2.3.4/1000",
            "01.2.3.4",
            "1.2.3.04",
            " 1.2.3.4",
            "1.2.3.4 ",
            "::g",
            "1::2::3",
            "fe80::1%eth0",
            "[::1]",
            "1.2.3.4:80",
            "localhost",
            "0x0a000001",
            "167772161",
        ] {
            assert!(parse_cidr(s).is_err(), "{s:?} should be rejected");
            assert!(parse_ip(s).is_none(), "{s:?} should be rejected");
        }
    }

    #[test]
    fn messages() {
        let m = parse_cidr("999.1.1.1/99").unwrap_err();
        assert!(
            m.message()
                .starts_with("`999.1.1.1/99` is not a valid ip address or cidr block"),
            "{m}"
        );
        assert_eq!(
            parse_cidr("1.2.3.4/33").unwrap_err().message(),
            "`1.2.3.4/33` has a prefix length above 32, the maximum for ipv4"
        );
        assert!(
            parse_cidr("::/129")
                .unwrap_err()
                .message()
                .contains("above 128")
        );
        assert!(
            parse_cidr("1.2.3.4/x")
                .unwrap_err()
                .message()
                .contains("malformed prefix")
        );
        assert!(
            parse_cidr("")
                .unwrap_err()
                .message()
                .starts_with("an empty value")
        );
    }

    #[test]
    fn parse_ip_keeps_address() {
        assert_eq!(ip("10.1.2.3"), (false, 0x0a01_0203));
        assert_eq!(ip("10.1.2.3/32"), (false, 0x0a01_0203));
        // A block is not an address (decision D11): `192.0.2.7/0` matched `192.0.2.0/24`.
        assert_eq!(parse_ip("10.1.2.3/8"), None);
        assert_eq!(parse_ip("192.0.2.7/0"), None);
        assert_eq!(parse_ip("::1/64"), None);
        assert_eq!(ip("::1/128"), (true, 1));
        assert_eq!(ip("::ffff:10.1.2.3"), (true, 0xffff_0a01_0203));
        assert_eq!(parse_ip("10.1.2.3/33"), None);
    }

    #[test]
    fn ipv4_containment() {
        assert!(contains("10.0.0.0/8", "10.1.2.3"));
        assert!(contains("10.0.0.0/8", "10.255.255.255"));
        assert!(!contains("10.0.0.0/8", "11.0.0.0"));
        assert!(!contains("10.0.0.0/8", "9.255.255.255"));
        assert!(contains("203.0.113.7", "203.0.113.7"));
        assert!(!contains("203.0.113.7", "203.0.113.8"));
        assert!(contains("203.0.113.0/25", "203.0.113.127"));
        assert!(!contains("203.0.113.0/25", "203.0.113.128"));
        assert!(contains("10.1.2.3/8", "10.200.0.1"));
    }

    #[test]
    fn ipv6_containment() {
        assert!(contains("2001:db8::/32", "2001:db8:1234::1"));
        assert!(!contains("2001:db8::/32", "2001:db9::1"));
        assert!(contains("::1", "::1"));
        assert!(contains("::1/128", "0:0:0:0:0:0:0:1"));
        assert!(!contains("::1", "::2"));
        assert!(contains("2001:db8::/127", "2001:db8::1"));
        assert!(!contains("2001:db8::/127", "2001:db8::2"));
    }

    #[test]
    fn prefix_zero_matches_its_family_only() {
        for a in ["0.0.0.0", "255.255.255.255", "8.8.8.8"] {
            assert!(contains("0.0.0.0/0", a), "{a}");
            assert!(!contains("::/0", a), "{a}");
        }
        for a in [
            "::",
            "::1",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "2001:db8::1",
        ] {
            assert!(contains("::/0", a), "{a}");
        }
        assert!(!contains("0.0.0.0/0", "2001:db8::1"));
        assert!(!contains("0.0.0.0/0", "::"));
    }

    #[test]
    fn families_do_not_mix_except_mapped() {
        assert!(!contains("::/0", "10.0.0.1"));
        assert!(!contains("::ffff:0:0/96", "10.0.0.1"));
        assert!(contains("::ffff:0:0/96", "::ffff:10.0.0.1"));
        assert!(contains("10.0.0.0/8", "::ffff:10.0.0.1"));
        assert!(!contains("10.0.0.0/8", "::ffff:11.0.0.1"));
        assert!(contains("0.0.0.0/0", "::ffff:0.0.0.0"));
        // IPv4-compatible (`::a.b.c.d`) and NAT64 addresses are not mapped.
        assert!(!contains("10.0.0.0/8", "::10.0.0.1"));
        assert!(!contains("10.0.0.0/8", "64:ff9b::10.0.0.1"));
        // A hand-built IPv4 request value with stray high bits never matches.
        assert!(!ip_in(&TEN, false, (1 << 40) | 0x0a00_0001));
    }

    #[test]
    fn private_ranges() {
        for s in [
            "10.0.0.0/8",
            "10.1.2.3",
            "172.16.0.0/12",
            "172.31.0.0/16",
            "192.168.0.0/16",
            "192.168.1.1",
            "127.0.0.1",
            "169.254.169.254",
            "fc00::/7",
            "fd12:3456::/48",
            "fe80::/10",
            "fe80::1",
            "::1",
            "::ffff:10.0.0.0/104",
            "::ffff:192.168.1.1",
        ] {
            assert!(is_private(&net(s)), "{s} should be private");
        }
        for s in [
            "0.0.0.0/0",
            "10.0.0.0/7",
            "172.32.0.0/16",
            "172.15.255.255",
            "8.8.8.8",
            "192.169.0.0/16",
            "169.254.0.0/15",
            "::/0",
            "::",
            "2001:db8::1",
            "fc00::/6",
            "fec0::/10",
            "::2",
            "::ffff:8.8.8.8",
            "::ffff:0:0/96",
        ] {
            assert!(!is_private(&net(s)), "{s} should not be private");
        }
    }
}
