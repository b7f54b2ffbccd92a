//! Reading a state in the binary format (see `binary.rs`) straight into `State`, where nothing changed.
//!
//! serde's `Deserializer` is generic over what it reads into, so its methods are compiled in the game's
//! crate, at opt-level 0, with `State`: each is kept to a line or two that calls the work done here, in
//! methods that are not generic and so compiled in this crate, optimized.
//!
//! A struct whose new build has the same fields, in the same order, as the one that saved it is read in
//! order; one whose fields changed (added, removed, renamed with an alias, moved) is read by its fields'
//! names, as JSON would read it. A value is read only as the kind it was saved as (a number as any
//! number, as JSON does): anything else stops the read with an error, and the restore takes the JSON way,
//! which finds the values that no longer fit (`restore.rs`). A read by names, or through serde's
//! buffering (`deserialize_any`, maps), cannot vouch that no value was dropped on the way:
//! [`Read::vouched`] says so, and the restore then compares what was saved with what was read.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use super::{Bytes, Error, Table, split, tag};

/// Reads `saved` into a new `S`, and says whether the read vouches that every saved value was taken.
pub fn from_saved<'de, S: de::Deserialize<'de>>(saved: &'de [u8]) -> Result<(S, bool), Error> {
    let mut read = Read::new(saved)?;
    let state = S::deserialize(&mut read)?;
    read.end()?;
    Ok((state, read.vouched))
}

pub struct Read<'de> {
    bytes: Bytes<'de>,
    table: Table<'de>,
    /// For each shape, the address of the new build's field list last compared with its fields, and
    /// whether they were the same.
    same_fields: Vec<((usize, usize), bool)>,
    vouched: bool,
    /// A map's key is being read: JSON has every key as a string, so a number or a bool saved as a key
    /// reads as one where a string is asked for (as `"1"`).
    key: bool,
}

/// A string as saved, or a key's number or bool as JSON has it.
enum Text<'de> {
    Saved(&'de str),
    Key(String),
}

/// A value's kind and what came with its tag, for `deserialize_any`.
enum Any<'de> {
    Unit,
    Bool(bool),
    U64(u64),
    I64(i64),
    F32(f32),
    F64(f64),
    Str(&'de str),
    Bytes(&'de [u8]),
    None,
    Some,
    Seq(u32),
    Map(u32),
    Struct(usize),
    UnitVariant(&'de str),
    /// A newtype, tuple or struct variant: its value follows.
    Variant(&'de str),
}

/// How a struct (or a map) is read.
enum Fields {
    /// Its fields in order, as many as this.
    InOrder(u32),
    /// By name: the struct was saved with other fields (this shape of the table).
    ByName(usize),
    /// A map's entries, as many as this.
    Entries(u32),
}

enum Number {
    U64(u64),
    I64(i64),
    F32(f32),
    F64(f64),
}

fn unexpected(what: &str, found: u8) -> Error {
    Error(format!("the saved state has another kind of value (tag {found}) where {what} is read"))
}

fn address(fields: &'static [&'static str]) -> (usize, usize) {
    (fields.as_ptr() as usize, fields.len())
}

impl<'de> Read<'de> {
    pub fn new(saved: &'de [u8]) -> Result<Self, Error> {
        let (input, table) = split(saved)?;
        let same_fields = vec![((0, 0), false); table.shapes.len()];
        Ok(Read { bytes: Bytes { input, at: 0 }, table, same_fields, vouched: true, key: false })
    }

    fn end(&self) -> Result<(), Error> {
        if self.bytes.at != self.bytes.input.len() {
            return Err(Error("the saved state has more than `State` read".into()));
        }
        Ok(())
    }

    /// A name from the table, by the index that comes next.
    fn name(&mut self) -> Result<&'de str, Error> {
        let index = self.bytes.u32()? as usize;
        self.table.names.get(index).copied().ok_or_else(|| Error("a name not in the table".into()))
    }

    fn peek(&self) -> Result<u8, Error> {
        self.bytes.input.get(self.bytes.at).copied().ok_or_else(|| Error("the saved state is cut short".into()))
    }

    fn any(&mut self) -> Result<Any<'de>, Error> {
        Ok(match self.bytes.u8()? {
            tag::UNIT => Any::Unit,
            tag::FALSE => Any::Bool(false),
            tag::TRUE => Any::Bool(true),
            tag::U64 => Any::U64(self.bytes.u64()?),
            tag::I64 => Any::I64(self.bytes.u64()? as i64),
            tag::F32 => Any::F32(f32::from_bits(self.bytes.u32()?)),
            tag::F64 => Any::F64(f64::from_bits(self.bytes.u64()?)),
            tag::STR => Any::Str(self.bytes.str()?),
            tag::BYTES => Any::Bytes(self.bytes.bytes()?),
            tag::NONE => Any::None,
            tag::SOME => Any::Some,
            tag::SEQ => Any::Seq(self.bytes.u32()?),
            tag::MAP => Any::Map(self.bytes.u32()?),
            tag::STRUCT => {
                let shape = self.bytes.u32()? as usize;
                if shape >= self.table.shapes.len() {
                    return Err(Error("a shape not in the table".into()));
                }
                Any::Struct(shape)
            }
            tag::UNIT_VARIANT => Any::UnitVariant(self.name()?),
            tag::NEWTYPE_VARIANT | tag::TUPLE_VARIANT | tag::STRUCT_VARIANT => Any::Variant(self.name()?),
            other => return Err(Error(format!("not a value's tag: {other}"))),
        })
    }

    fn number(&mut self) -> Result<Number, Error> {
        Ok(match self.bytes.u8()? {
            tag::U64 => Number::U64(self.bytes.u64()?),
            tag::I64 => Number::I64(self.bytes.u64()? as i64),
            tag::F32 => Number::F32(f32::from_bits(self.bytes.u32()?)),
            tag::F64 => Number::F64(f64::from_bits(self.bytes.u64()?)),
            other => return Err(unexpected("a number", other)),
        })
    }

    fn expect(&mut self, expected: u8, what: &str) -> Result<(), Error> {
        match self.bytes.u8()? {
            found if found == expected => Ok(()),
            found => Err(unexpected(what, found)),
        }
    }

    fn bool(&mut self) -> Result<bool, Error> {
        match self.bytes.u8()? {
            tag::FALSE => Ok(false),
            tag::TRUE => Ok(true),
            other => Err(unexpected("a bool", other)),
        }
    }

    fn text(&mut self) -> Result<Text<'de>, Error> {
        if self.key && self.peek()? != tag::STR {
            return Ok(Text::Key(match self.any()? {
                Any::U64(value) => value.to_string(),
                Any::I64(value) => value.to_string(),
                Any::F32(value) => value.to_string(),
                Any::F64(value) => value.to_string(),
                Any::Bool(value) => value.to_string(),
                _ => return Err(Error("a map's key JSON could not have".into())),
            }));
        }
        self.expect(tag::STR, "a string")?;
        Ok(Text::Saved(self.bytes.str()?))
    }

    fn byte_string(&mut self) -> Result<&'de [u8], Error> {
        self.expect(tag::BYTES, "bytes")?;
        self.bytes.bytes()
    }

    /// `Some(true)` for a `Some` (its value follows), `Some(false)` for a `None`, `None` for a value
    /// saved as not optional (as JSON has it, it reads as `Some`).
    fn option(&mut self) -> Result<Option<bool>, Error> {
        match self.peek()? {
            tag::SOME => {
                self.bytes.at += 1;
                Ok(Some(true))
            }
            tag::NONE | tag::UNIT => {
                self.bytes.at += 1;
                Ok(Some(false))
            }
            _ => Ok(None),
        }
    }

    fn unit(&mut self) -> Result<(), Error> {
        match self.bytes.u8()? {
            tag::UNIT | tag::NONE => Ok(()),
            other => Err(unexpected("a unit", other)),
        }
    }

    fn seq(&mut self) -> Result<u32, Error> {
        self.expect(tag::SEQ, "a sequence")?;
        self.bytes.u32()
    }

    fn map(&mut self) -> Result<Fields, Error> {
        match self.bytes.u8()? {
            tag::MAP => Ok(Fields::Entries(self.map_length()?)),
            // A struct that became a map, as JSON reads it.
            tag::STRUCT => {
                self.vouched = false;
                let shape = self.bytes.u32()? as usize;
                self.table.shapes.get(shape).ok_or_else(|| Error("a shape not in the table".into()))?;
                Ok(Fields::ByName(shape))
            }
            other => Err(unexpected("a map", other)),
        }
    }

    fn map_length(&mut self) -> Result<u32, Error> {
        self.vouched = false;
        self.bytes.u32()
    }

    /// How the struct saved here is read as one with `fields`.
    fn struct_fields(&mut self, fields: &'static [&'static str]) -> Result<Fields, Error> {
        let shape = match self.bytes.u8()? {
            tag::STRUCT => self.bytes.u32()? as usize,
            // A map that became a struct, as JSON reads it.
            tag::MAP => return Ok(Fields::Entries(self.map_length()?)),
            other => return Err(unexpected("a struct", other)),
        };
        let saved = &self.table.shapes.get(shape).ok_or_else(|| Error("a shape not in the table".into()))?.1;
        let (address_read, same) = &mut self.same_fields[shape];
        if *address_read != address(fields) {
            *address_read = address(fields);
            *same = saved.len() == fields.len() && saved.iter().zip(fields).all(|(saved, field)| saved == field);
        }
        if *same {
            return Ok(Fields::InOrder(fields.len() as u32));
        }
        self.vouched = false;
        Ok(Fields::ByName(shape))
    }

    /// The kind of variant and its name.
    fn variant(&mut self) -> Result<(u8, &'de str), Error> {
        match self.bytes.u8()? {
            kind @ (tag::UNIT_VARIANT | tag::NEWTYPE_VARIANT | tag::TUPLE_VARIANT | tag::STRUCT_VARIANT) => {
                Ok((kind, self.name()?))
            }
            other => Err(unexpected("an enum", other)),
        }
    }

    /// Passes over one value (serde ignores it: this read can no longer vouch for every value).
    fn skip(&mut self) -> Result<(), Error> {
        self.vouched = false;
        let count = match self.any()? {
            Any::Some | Any::Variant(_) => 1,
            Any::Seq(count) => count as usize,
            Any::Map(count) => count as usize * 2,
            Any::Struct(shape) => self.table.shapes[shape].1.len(),
            _ => 0,
        };
        for _ in 0..count {
            self.skip()?;
        }
        Ok(())
    }

    fn field_name(&self, shape: usize, index: usize) -> &'de str {
        self.table.shapes[shape].1[index]
    }
}

/// A struct's fields (or a map's entries) as `fields` says to read them.
#[allow(clippy::question_mark, reason = "no `?` at opt-level 0, above `numbers!`")]
fn fields<'de, V: Visitor<'de>>(
    read: &mut Read<'de>,
    fields: Result<Fields, Error>,
    visitor: V,
) -> Result<V::Value, Error> {
    match fields {
        Ok(Fields::InOrder(count)) => items(read, Ok(count), visitor),
        Ok(Fields::ByName(shape)) => visitor.visit_map(FieldsByName { read, shape, next: 0 }),
        Ok(Fields::Entries(count)) => visitor.visit_map(Entries { read, left: count }),
        Err(error) => Err(error),
    }
}

/// A sequence's items, or a struct's fields in order: all of them, or an error.
#[allow(clippy::question_mark, reason = "no `?` at opt-level 0, above `numbers!`")]
fn items<'de, V: Visitor<'de>>(read: &mut Read<'de>, count: Result<u32, Error>, visitor: V) -> Result<V::Value, Error> {
    let mut left = match count {
        Ok(count) => count,
        Err(error) => return Err(error),
    };
    match visitor.visit_seq(Items { read, left: &mut left }) {
        Ok(value) if left == 0 => Ok(value),
        Ok(_) => Err(not_all_read(left)),
        Err(error) => Err(error),
    }
}

fn not_all_read(left: u32) -> Error {
    Error(format!("{left} saved items were not read"))
}

// The generic methods below avoid `?` and closures where a state has many values: at opt-level 0 each
// is a call of its own (a third of a read of many small structs, measured).
macro_rules! strings {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.text() {
                Ok(Text::Saved(text)) => visitor.visit_borrowed_str(text),
                Ok(Text::Key(text)) => visitor.visit_string(text),
                Err(error) => Err(error),
            }
        }
    )*};
}

macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.number() {
                Ok(Number::F32(value)) => visitor.visit_f32(value),
                Ok(Number::U64(value)) => visitor.visit_u64(value),
                Ok(Number::I64(value)) => visitor.visit_i64(value),
                Ok(Number::F64(value)) => visitor.visit_f64(value),
                Err(error) => Err(error),
            }
        }
    )*};
}

#[allow(clippy::question_mark, reason = "no `?` at opt-level 0, above `numbers!`")]
impl<'de> Deserializer<'de> for &mut Read<'de> {
    type Error = Error;

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64);
    strings!(deserialize_char deserialize_str deserialize_string deserialize_identifier);

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // Through serde's buffering (untagged enums, flattened structs): a field a struct does not
        // take may be dropped there without an error.
        self.vouched = false;
        if self.key && self.peek()? != tag::STR {
            return self.deserialize_string(visitor);
        }
        match self.any()? {
            Any::Unit | Any::None => visitor.visit_unit(),
            Any::Bool(value) => visitor.visit_bool(value),
            Any::U64(value) => visitor.visit_u64(value),
            Any::I64(value) => visitor.visit_i64(value),
            Any::F32(value) => visitor.visit_f32(value),
            Any::F64(value) => visitor.visit_f64(value),
            Any::Str(value) => visitor.visit_borrowed_str(value),
            Any::Bytes(value) => visitor.visit_borrowed_bytes(value),
            // As JSON has it: a `Some` is its value (the UI's memory is read so, through an untagged enum).
            Any::Some => self.deserialize_any(visitor),
            Any::Seq(count) => {
                let mut left = count;
                let value = visitor.visit_seq(Items { read: &mut *self, left: &mut left })?;
                if left == 0 { Ok(value) } else { Err(not_all_read(left)) }
            }
            Any::Map(count) => visitor.visit_map(Entries { read: self, left: count }),
            Any::Struct(shape) => visitor.visit_map(FieldsByName { read: self, shape, next: 0 }),
            Any::UnitVariant(name) => visitor.visit_borrowed_str(name),
            Any::Variant(name) => visitor.visit_map(OneEntry { read: self, key: Some(name) }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(self.bool()?)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_bytes(self.byte_string()?)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_bytes(self.byte_string()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.option()? {
            Some(false) => visitor.visit_none(),
            Some(true) | None => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.unit()?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.unit()?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let count = self.seq();
        items(self, count, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _length: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _length: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let entries = self.map();
        fields(self, entries, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let read_as = self.struct_fields(fields);
        self::fields(self, read_as, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (kind, name) = self.variant()?;
        visitor.visit_enum(Variant { read: self, kind, name })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }
}

/// The items of a sequence, or the fields of a struct read in order.
struct Items<'a, 'de> {
    read: &'a mut Read<'de>,
    left: &'a mut u32,
}

#[allow(clippy::question_mark, reason = "no `?` at opt-level 0, above `numbers!`")]
impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if *self.left == 0 {
            return Ok(None);
        }
        *self.left -= 1;
        match seed.deserialize(&mut *self.read) {
            Ok(value) => Ok(Some(value)),
            Err(error) => Err(error),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(*self.left as usize)
    }
}

struct Entries<'a, 'de> {
    read: &'a mut Read<'de>,
    left: u32,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        self.read.key = true;
        let key = seed.deserialize(&mut *self.read);
        self.read.key = false;
        key.map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.read)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left as usize)
    }
}

/// A struct read as a map of its fields' names (as `deserialize_any` shows it, and JSON would).
struct FieldsByName<'a, 'de> {
    read: &'a mut Read<'de>,
    shape: usize,
    next: usize,
}

impl<'de> de::MapAccess<'de> for FieldsByName<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.next == self.read.table.shapes[self.shape].1.len() {
            return Ok(None);
        }
        self.next += 1;
        let name = self.read.field_name(self.shape, self.next - 1);
        seed.deserialize(BorrowedStrDeserializer::new(name)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.read)
    }
}

/// A variant with a value, as `deserialize_any` shows it (and JSON has it): `{"Name": value}`.
struct OneEntry<'a, 'de> {
    read: &'a mut Read<'de>,
    key: Option<&'de str>,
}

impl<'de> de::MapAccess<'de> for OneEntry<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        self.key.take().map(|key| seed.deserialize(BorrowedStrDeserializer::new(key))).transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.read)
    }
}

struct Variant<'a, 'de> {
    read: &'a mut Read<'de>,
    kind: u8,
    name: &'de str,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant = seed.deserialize(BorrowedStrDeserializer::<Error>::new(self.name))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        self.read.kind_is(self.kind, tag::UNIT_VARIANT)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        self.read.kind_is(self.kind, tag::NEWTYPE_VARIANT)?;
        seed.deserialize(self.read)
    }

    fn tuple_variant<V: Visitor<'de>>(self, length: usize, visitor: V) -> Result<V::Value, Error> {
        self.read.kind_is(self.kind, tag::TUPLE_VARIANT)?;
        self.read.deserialize_tuple(length, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        self.read.kind_is(self.kind, tag::STRUCT_VARIANT)?;
        self.read.deserialize_struct("", fields, visitor)
    }
}

impl Read<'_> {
    fn kind_is(&self, kind: u8, expected: u8) -> Result<(), Error> {
        if kind == expected { Ok(()) } else { Err(unexpected("another kind of variant", kind)) }
    }
}
