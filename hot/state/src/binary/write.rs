//! Writing a state in the binary format (see `binary.rs`). `State`'s derived `Serialize` is compiled in
//! the game's crate at opt-level 0, with the few methods of the `Serializer` that are generic (a field,
//! an item); those are a line each, and every value is written by a method that is not generic, so
//! compiled here, optimized. (Through erased-serde, which makes nothing generic, a save of 100,000
//! entities took twice as long: each value takes a detour through a trait object.)
//!
//! Field names are not written with each struct: each struct gets the index of its shape (its name and
//! its fields, in the table at the end). The shape a struct will have is guessed from the last one of the
//! same name, and checked field by field as they come (the name's address first: the same `&'static str`
//! each time), so a struct of a known shape costs no lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::ser::{self, Serialize};

use super::{Error, MAGIC, tag};

/// Writes `state` in the binary format.
pub fn write<S: ?Sized + Serialize>(state: &S) -> Result<Vec<u8>, Error> {
    let mut writer = Writer::new();
    state.serialize(&mut writer)?;
    writer.finish()
}

/// A string's address and length: the same `&'static str` (a field's or a variant's name) each time.
type Address = (usize, usize);

fn address(text: &str) -> Address {
    (text.as_ptr() as usize, text.len())
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    by_address: HashMap<Address, u32, Fast>,
    /// Each shape: the struct's name and its fields, as indexes of `names`.
    shapes: Vec<(u32, Vec<u32>)>,
    shape_index: HashMap<(u32, Vec<u32>), u32>,
    /// The addresses of each shape's field names, as last seen (to check a guessed shape quickly).
    shape_addresses: Vec<Vec<Address>>,
    /// The shape last written for a struct, by the address of its name.
    last_shape: HashMap<Address, u32, Fast>,
}

impl Writer {
    fn new() -> Self {
        let mut writer = Writer { out: Vec::with_capacity(4096), ..Writer::default() };
        writer.out.extend_from_slice(MAGIC);
        writer
    }

    fn name(&mut self, text: &str) -> u32 {
        if let Some(&index) = self.by_address.get(&address(text)) {
            return index;
        }
        let index = match self.name_index.get(text) {
            Some(&index) => index,
            None => {
                self.names.push(text.to_string());
                self.name_index.insert(text.to_string(), self.names.len() as u32 - 1);
                self.names.len() as u32 - 1
            }
        };
        self.by_address.insert(address(text), index);
        index
    }

    fn shape(&mut self, name: u32, fields: Vec<u32>, addresses: Vec<Address>) -> u32 {
        let key = (name, fields);
        if let Some(&index) = self.shape_index.get(&key) {
            self.shape_addresses[index as usize] = addresses;
            return index;
        }
        self.shapes.push(key.clone());
        self.shape_addresses.push(addresses);
        self.shape_index.insert(key, self.shapes.len() as u32 - 1);
        self.shapes.len() as u32 - 1
    }

    fn u32(&mut self, value: u32) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    fn tagged(&mut self, tag: u8, bytes: &[u8]) {
        self.out.push(tag);
        self.out.extend_from_slice(bytes);
    }

    fn str(&mut self, text: &[u8]) {
        self.u32(len32(text.len()));
        self.out.extend_from_slice(text);
    }

    /// A length not known yet: where to write it when it is.
    fn later(&mut self) -> usize {
        self.u32(0);
        self.out.len() - 4
    }

    fn fill(&mut self, at: usize, value: u32) {
        self.out[at..at + 4].copy_from_slice(&value.to_le_bytes());
    }

    fn finish(mut self) -> Result<Vec<u8>, Error> {
        let table = len32(self.out.len());
        self.u32(len32(self.names.len()));
        for name in std::mem::take(&mut self.names) {
            self.str(name.as_bytes());
        }
        self.u32(len32(self.shapes.len()));
        for (name, fields) in std::mem::take(&mut self.shapes) {
            self.u32(name);
            self.u32(len32(fields.len()));
            for field in fields {
                self.u32(field);
            }
        }
        self.u32(table);
        Ok(self.out)
    }
}

fn len32(length: usize) -> u32 {
    u32::try_from(length).expect("a saved state under 4 GB")
}

/// A struct being written: its shape is guessed from the last one of its name and checked as its fields
/// come; once a field differs, the fields are listed and the shape found when the struct ends.
struct StructWriter<'a> {
    writer: &'a mut Writer,
    name: &'static str,
    /// Where the shape's index goes.
    at: usize,
    guess: Option<u32>,
    matched: usize,
    listed: Option<(Vec<u32>, Vec<Address>)>,
}

impl<'a> StructWriter<'a> {
    fn new(writer: &'a mut Writer, name: &'static str) -> Self {
        writer.out.push(tag::STRUCT);
        let at = writer.later();
        let guess = writer.last_shape.get(&address(name)).copied();
        StructWriter { writer, name, at, guess, matched: 0, listed: None }
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key);
        value.serialize(&mut *self.writer)
    }

    /// Checks the guessed shape against a field's name, or lists the field (not generic, so compiled
    /// here, optimized).
    #[inline(never)]
    fn key(&mut self, key: &'static str) {
        if self.listed.is_none() {
            if let Some(shape) = self.guess
                && self.writer.shape_addresses[shape as usize].get(self.matched) == Some(&address(key))
            {
                self.matched += 1;
                return;
            }
            let (fields, addresses) = match self.guess {
                Some(shape) => (
                    self.writer.shapes[shape as usize].1[..self.matched].to_vec(),
                    self.writer.shape_addresses[shape as usize][..self.matched].to_vec(),
                ),
                None => (Vec::new(), Vec::new()),
            };
            self.listed = Some((fields, addresses));
        }
        if let Some((fields, addresses)) = &mut self.listed {
            fields.push(self.writer.name(key));
            addresses.push(address(key));
        }
    }

    fn end(self) -> Result<(), Error> {
        let shape = match (self.listed, self.guess) {
            (None, Some(shape)) if self.matched == self.writer.shapes[shape as usize].1.len() => shape,
            (listed, guess) => {
                let (fields, addresses) = listed.unwrap_or_else(|| match guess {
                    Some(shape) => (
                        self.writer.shapes[shape as usize].1[..self.matched].to_vec(),
                        self.writer.shape_addresses[shape as usize][..self.matched].to_vec(),
                    ),
                    None => (Vec::new(), Vec::new()),
                });
                let name = self.writer.name(self.name);
                self.writer.shape(name, fields, addresses)
            }
        };
        self.writer.fill(self.at, shape);
        if self.guess != Some(shape) {
            self.writer.last_shape.insert(address(self.name), shape);
        }
        Ok(())
    }
}

/// A sequence or a map: its length is written when it ends.
struct Counted<'a> {
    writer: &'a mut Writer,
    at: usize,
    count: u32,
}

impl<'a> Counted<'a> {
    fn new(writer: &'a mut Writer, tag: u8) -> Self {
        writer.out.push(tag);
        let at = writer.later();
        Counted { writer, at, count: 0 }
    }

    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        self.writer.fill(self.at, self.count);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Counted<'a>;
    type SerializeTuple = Counted<'a>;
    type SerializeTupleStruct = Counted<'a>;
    type SerializeTupleVariant = Counted<'a>;
    type SerializeMap = Counted<'a>;
    type SerializeStruct = StructWriter<'a>;
    type SerializeStructVariant = StructWriter<'a>;

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.out.push(if value { tag::TRUE } else { tag::FALSE });
        Ok(())
    }

    fn serialize_i8(self, value: i8) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i16(self, value: i16) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i32(self, value: i32) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i64(self, value: i64) -> Result<(), Error> {
        // As JSON has it: a number, whichever type wrote it.
        match u64::try_from(value) {
            Ok(value) => self.tagged(tag::U64, &value.to_le_bytes()),
            Err(_) => self.tagged(tag::I64, &value.to_le_bytes()),
        }
        Ok(())
    }

    fn serialize_i128(self, value: i128) -> Result<(), Error> {
        match i64::try_from(value) {
            Ok(value) => self.serialize_i64(value),
            Err(_) => self.serialize_u128(
                u128::try_from(value).map_err(|_| Error("a 128-bit integer below i64's range".into()))?,
            ),
        }
    }

    fn serialize_u8(self, value: u8) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u16(self, value: u16) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u32(self, value: u32) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u64(self, value: u64) -> Result<(), Error> {
        self.tagged(tag::U64, &value.to_le_bytes());
        Ok(())
    }

    fn serialize_u128(self, value: u128) -> Result<(), Error> {
        let value = u64::try_from(value).map_err(|_| Error("a 128-bit integer above u64's range".into()))?;
        self.serialize_u64(value)
    }

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.tagged(tag::F32, &value.to_le_bytes());
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        self.tagged(tag::F64, &value.to_le_bytes());
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.out.push(tag::STR);
        self.str(value.as_bytes());
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        self.out.push(tag::BYTES);
        self.str(value);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(tag::NONE);
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        self.out.push(tag::SOME);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push(tag::UNIT);
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        let variant = self.name(variant);
        self.out.push(tag::UNIT_VARIANT);
        self.u32(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        // As JSON has it: the value itself.
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let variant = self.name(variant);
        self.out.push(tag::NEWTYPE_VARIANT);
        self.u32(variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _length: Option<usize>) -> Result<Counted<'a>, Error> {
        Ok(Counted::new(self, tag::SEQ))
    }

    fn serialize_tuple(self, _length: usize) -> Result<Counted<'a>, Error> {
        Ok(Counted::new(self, tag::SEQ))
    }

    fn serialize_tuple_struct(self, _name: &'static str, _length: usize) -> Result<Counted<'a>, Error> {
        Ok(Counted::new(self, tag::SEQ))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _length: usize,
    ) -> Result<Counted<'a>, Error> {
        let variant = self.name(variant);
        self.out.push(tag::TUPLE_VARIANT);
        self.u32(variant);
        Ok(Counted::new(self, tag::SEQ))
    }

    fn serialize_map(self, _length: Option<usize>) -> Result<Counted<'a>, Error> {
        Ok(Counted::new(self, tag::MAP))
    }

    fn serialize_struct(self, name: &'static str, _length: usize) -> Result<StructWriter<'a>, Error> {
        Ok(StructWriter::new(self, name))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _length: usize,
    ) -> Result<StructWriter<'a>, Error> {
        let index = self.name(variant);
        self.out.push(tag::STRUCT_VARIANT);
        self.u32(index);
        Ok(StructWriter::new(self, variant))
    }
}

macro_rules! counted {
    ($($trait:ident $method:ident,)*) => {$(
        impl ser::$trait for Counted<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Counted::end(self)
            }
        }
    )*};
}

counted! {
    SerializeSeq serialize_element,
    SerializeTuple serialize_element,
    SerializeTupleStruct serialize_field,
    SerializeTupleVariant serialize_field,
}

impl ser::SerializeMap for Counted<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.item(key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        Counted::end(self)
    }
}

macro_rules! structs {
    ($($trait:ident)*) => {$(
        impl ser::$trait for StructWriter<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                StructWriter::end(self)
            }
        }
    )*};
}

structs!(SerializeStruct SerializeStructVariant);

/// A hasher for addresses (two `usize`s): the standard one is made to resist chosen keys, which costs
/// more per struct written than the rest of the work.
#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(byte.into());
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}

type Fast = BuildHasherDefault<FastHasher>;
