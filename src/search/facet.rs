//! The facets a person filters by, and their names in attributes, URL
//! parameters and JavaScript options.

use std::fmt;
use std::str::FromStr;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Facet {
    Publisher,
    Theme,
    Format,
    License,
    AccessRights,
    /// The metadata quality rating a harvest gave (`excellent`, `good`,
    /// `sufficient`, `bad`); shown only when asked for (`facets="… quality"`).
    Quality,
}

/// The error of parsing an unknown facet name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFacet;

impl fmt::Display for UnknownFacet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown facet")
    }
}

impl std::error::Error for UnknownFacet {}

impl Facet {
    pub const ALL: [Facet; Facet::COUNT] = [
        Facet::Publisher,
        Facet::Theme,
        Facet::Format,
        Facet::License,
        Facet::AccessRights,
        Facet::Quality,
    ];
    pub const COUNT: usize = 6;

    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Publisher => "publisher",
            Facet::Theme => "theme",
            Facet::Format => "format",
            Facet::License => "license",
            Facet::AccessRights => "access_rights",
            Facet::Quality => "quality",
        }
    }

    /// The name in attributes and URL parameters (`filter-access-rights`,
    /// `odc-access-rights`, `facets="… access-rights"`).
    pub fn attribute_name(self) -> &'static str {
        match self {
            Facet::AccessRights => "access-rights",
            other => other.as_str(),
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for Facet {
    type Err = UnknownFacet;

    /// Every spelling a webmaster or developer writes: the attribute name
    /// (`access-rights`), the key (`access_rights`) and JavaScript's
    /// camel case (`accessRights`). Case matters, as in HTML attribute
    /// values and JS property names elsewhere.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Facet::ALL
            .into_iter()
            .find(|f| f.as_str() == s || f.attribute_name() == s)
            .or((s == "accessRights").then_some(Facet::AccessRights))
            .ok_or(UnknownFacet)
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_name_parses() {
        for f in Facet::ALL {
            assert_eq!(f.as_str().parse::<Facet>(), Ok(f));
            assert_eq!(f.attribute_name().parse::<Facet>(), Ok(f));
        }
        assert_eq!("access-rights".parse::<Facet>(), Ok(Facet::AccessRights));
        assert_eq!("accessRights".parse::<Facet>(), Ok(Facet::AccessRights));
        assert!("Theme".parse::<Facet>().is_err());
        assert!("".parse::<Facet>().is_err());
    }
}
