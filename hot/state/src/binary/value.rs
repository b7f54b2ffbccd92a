//! A state in the binary format as JSON's values, exactly as serde_json would have written the same
//! `State`: for the restore's JSON way (a changed `State`, compared field by field) and for
//! `target/just-dev/state.json`, the state kept for the next start, which stays readable.

use serde_json::{Map, Number, Value};

use super::{Bytes, Error, Table, is_binary, split, tag};

/// `saved` as JSON's values; JSON's text is read as it is.
pub fn to_value(saved: &[u8]) -> Result<Value, Error> {
    if !is_binary(saved) {
        return serde_json::from_slice(saved).map_err(|error| Error(error.to_string()));
    }
    let (input, table) = split(saved)?;
    let mut bytes = Bytes { input, at: 0 };
    let value = value(&mut bytes, &table)?;
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

fn value(bytes: &mut Bytes, table: &Table) -> Result<Value, Error> {
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
        tag::SOME => value(bytes, table)?,
        tag::SEQ => Value::Array((0..bytes.u32()?).map(|_| value(bytes, table)).collect::<Result<_, _>>()?),
        tag::MAP => {
            let mut map = Map::new();
            for _ in 0..bytes.u32()? {
                let key = match value(bytes, table)? {
                    Value::String(key) => key,
                    Value::Number(key) => key.to_string(),
                    Value::Bool(key) => key.to_string(),
                    other => return Err(Error(format!("JSON cannot key a map with {other}"))),
                };
                map.insert(key, value(bytes, table)?);
            }
            Value::Object(map)
        }
        tag::STRUCT => {
            let shape = bytes.u32()? as usize;
            let (_, fields) = table.shapes.get(shape).ok_or_else(|| Error("a shape not in the table".into()))?;
            let mut map = Map::new();
            for field in fields {
                map.insert(field.to_string(), value(bytes, table)?);
            }
            Value::Object(map)
        }
        tag::UNIT_VARIANT => Value::String(name(bytes.u32()?)?),
        tag::NEWTYPE_VARIANT | tag::TUPLE_VARIANT | tag::STRUCT_VARIANT => {
            let variant = name(bytes.u32()?)?;
            Value::Object(Map::from_iter([(variant, value(bytes, table)?)]))
        }
        other => return Err(Error(format!("not a value's tag: {other}"))),
    })
}

/// As serde_json writes a float: `null` if it is not finite.
fn float(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}
