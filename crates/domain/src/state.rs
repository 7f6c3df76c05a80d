//! States and kinds as enums. Every state or kind that is stored is a
//! `string_enum!`: one Dutch word per value, the same in the database (with
//! a CHECK constraint), in the API (an `enum` in the OpenAPI document) and
//! in code, which compares enum values, never strings. Moves between states
//! are functions on the enum that refuse illegal ones (`IllegalTransition`).

/// A move the workflow does not allow from the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IllegalTransition {
    /// What moves: "story", "registration", ...
    pub what: &'static str,
    pub from: &'static str,
    pub action: &'static str,
}

impl std::fmt::Display for IllegalTransition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} is not allowed from {}",
            self.what, self.action, self.from
        )
    }
}

impl std::error::Error for IllegalTransition {}

/// A stored or sent value that is not one of the enum's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} is not a {}", self.value, self.what)
    }
}

impl std::error::Error for UnknownValue {}

/// Declares an enum stored and sent as one word per variant:
/// `ALL`, `as_str`, `parse`, `Display`, serde as that word, `TryFrom<String>`
/// (for reading rows) and an OpenAPI schema with the words as `enum`.
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $value),+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }

            /// Every value, in order, as stored.
            pub fn values() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::state::UnknownValue;
            fn try_from(s: String) -> Result<$name, Self::Error> {
                $name::parse(&s).ok_or($crate::state::UnknownValue {
                    what: stringify!($name),
                    value: s,
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| {
                    <D::Error as serde::de::Error>::unknown_variant(&s, &[$($value),+])
                })
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($value),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::string_enum!(
        /// For the test.
        pub enum Colour {
            Rood = "rood",
            Groen = "groen",
        }
    );

    #[test]
    fn values_round_trip_through_text_serde_and_rows() {
        for c in Colour::ALL {
            assert_eq!(Colour::parse(c.as_str()), Some(*c));
            let json = serde_json::to_string(c).expect("json");
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<Colour>(&json).ok(), Some(*c));
        }
        assert!(serde_json::from_str::<Colour>("\"blauw\"").is_err());
        let bad = Colour::try_from("blauw".to_string()).expect_err("unknown");
        assert_eq!(bad.value, "blauw");
        assert_eq!(Colour::values(), vec!["rood", "groen"]);
    }

    #[test]
    fn the_schema_lists_the_values_as_an_enum() {
        let schema =
            serde_json::to_value(<Colour as utoipa::PartialSchema>::schema()).expect("json");
        assert_eq!(schema["enum"], serde_json::json!(["rood", "groen"]));
        assert_eq!(schema["type"], "string");
    }
}
