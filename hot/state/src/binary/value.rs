//! A state in the binary format as JSON's values, exactly as serde_json would have written the same
//! `State`: for the restore's JSON way (a changed `State`, compared field by field) and for
//! `target/just-dev/state.json`, the state kept for the next start, which stays readable. Its outline
//! (each sequence's first item only) is what the restore compares where all was read.

use serde_json::{Map, Number, Value};

use super::{Bytes, Error, Table, is_binary, split, tag};

/// `saved` as JSON's values; JSON's text is read as it is.
pub fn to_value(saved: &[u8]) -> Result<Value, Error> {
    values(saved, Whole)
}

/// `saved` as JSON's values, each array with its first item only: what the restore compares (it looks
/// at no more, `restore.rs`), without a value made for each of a game's 100,000 entities.
pub fn to_outline(saved: &[u8]) -> Result<Value, Error> {
    values(saved, Outline)
}

/// Every item of a sequence, or the first only.
#[derive(Clone, Copy, PartialEq)]
enum Items {
    Whole,
    Outline,
}
use Items::{Outline, Whole};

fn values(saved: &[u8], items: Items) -> Result<Value, Error> {
    if !is_binary(saved) {
        let value = serde_json::from_slice(saved).map_err(|error| Error(error.to_string()))?;
        return Ok(if items == Outline { outline(value) } else { value });
    }
    let (input, table) = split(saved)?;
    let mut bytes = Bytes { input, at: 0 };
    let value = value(&mut bytes, &table, items)?;
    if bytes.at != input.len() {
        return Err(Error("the saved state has more than one value".into()));
    }
    Ok(value)
}

/// `saved` as JSON's text.
pub fn to_json(saved: &[u8]) -> Result<String, Error> {
    if !is_binary(saved) {
        return String::from_utf8(saved.to_vec()).map_err(|error| Error(error.to_string()));
    }
    Ok(to_value(saved)?.to_string())
}

fn value(bytes: &mut Bytes, table: &Table, items: Items) -> Result<Value, Error> {
    let value = |bytes: &mut Bytes| self::value(bytes, table, items);
    let name = |index: u32| {
        table
            .names
            .get(index as usize)
            .map(|name| name.to_string())
            .ok_or_else(|| Error("a name not in the table".into()))
    };
    Ok(match bytes.u8()? {
        tag::UNIT | tag::NONE => Value::Null,
        tag::FALSE => Value::Bool(false),
        tag::TRUE => Value::Bool(true),
        tag::U64 => Value::from(bytes.u64()?),
        tag::I64 => Value::from(bytes.u64()? as i64),
        // serde_json writes an f32 in its shortest form, which reads back as that decimal's f64.
        tag::F32 => float(f32::from_bits(bytes.u32()?).to_string().parse().unwrap_or(f64::NAN)),
        tag::F64 => float(f64::from_bits(bytes.u64()?)),
        tag::STR => Value::String(bytes.str()?.to_string()),
        tag::BYTES => Value::Array(bytes.bytes()?.iter().map(|&byte| Value::from(byte)).collect()),
        tag::SOME => value(bytes)?,
        tag::SEQ if items == Outline => {
            let count = bytes.u32()?;
            let first = if count > 0 { vec![value(bytes)?] } else { Vec::new() };
            for _ in 1..count {
                skip(bytes, table)?;
            }
            Value::Array(first)
        }
        tag::SEQ => Value::Array((0..bytes.u32()?).map(|_| value(bytes)).collect::<Result<_, _>>()?),
        tag::MAP => {
            let mut map = Map::new();
            for _ in 0..bytes.u32()? {
                let key = match value(bytes)? {
                    Value::String(key) => key,
                    Value::Number(key) => key.to_string(),
                    Value::Bool(key) => key.to_string(),
                    other => return Err(Error(format!("JSON cannot key a map with {other}"))),
                };
                map.insert(key, value(bytes)?);
            }
            Value::Object(map)
        }
        tag::STRUCT => {
            let shape = bytes.u32()? as usize;
            let (_, fields) = table.shapes.get(shape).ok_or_else(|| Error("a shape not in the table".into()))?;
            let mut map = Map::new();
            for field in fields {
                map.insert(field.to_string(), value(bytes)?);
            }
            Value::Object(map)
        }
        tag::UNIT_VARIANT => Value::String(name(bytes.u32()?)?),
        tag::NEWTYPE_VARIANT | tag::TUPLE_VARIANT | tag::STRUCT_VARIANT => {
            let variant = name(bytes.u32()?)?;
            Value::Object(Map::from_iter([(variant, value(bytes)?)]))
        }
        other => return Err(Error(format!("not a value's tag: {other}"))),
    })
}

/// As serde_json writes a float: `null` if it is not finite.
fn float(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

/// Passes over one value.
fn skip(bytes: &mut Bytes, table: &Table) -> Result<(), Error> {
    let inside = match bytes.u8()? {
        tag::UNIT | tag::NONE | tag::FALSE | tag::TRUE => 0,
        tag::U64 | tag::I64 | tag::F64 => bytes.take(8).map(|_| 0)?,
        tag::F32 | tag::UNIT_VARIANT => bytes.take(4).map(|_| 0)?,
        tag::STR | tag::BYTES => bytes.bytes().map(|_| 0)?,
        tag::SOME => 1,
        tag::SEQ => bytes.u32()? as usize,
        tag::MAP => bytes.u32()? as usize * 2,
        tag::STRUCT => {
            let shape = bytes.u32()? as usize;
            table.shapes.get(shape).ok_or_else(|| Error("a shape not in the table".into()))?.1.len()
        }
        tag::NEWTYPE_VARIANT | tag::TUPLE_VARIANT | tag::STRUCT_VARIANT => bytes.take(4).map(|_| 1)?,
        other => return Err(Error(format!("not a value's tag: {other}"))),
    };
    for _ in 0..inside {
        skip(bytes, table)?;
    }
    Ok(())
}

/// A JSON value's outline, as [`to_outline`] makes it of the binary format.
fn outline(value: Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.into_iter().take(1).map(outline).collect()),
        Value::Object(fields) => Value::Object(fields.into_iter().map(|(key, value)| (key, outline(value))).collect()),
        other => other,
    }
}
