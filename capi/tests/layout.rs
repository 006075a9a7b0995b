//! Item 5 of issue 3: every struct shared by the VM (Rust) and C extensions
//! (`include/`) has the same size, alignment, field offsets and field sizes
//! on both sides, and the flag/constant values agree.
//!
//! One table below names each struct and field once; from it the test
//! writes a C program that prints `sizeof`/`_Alignof`/`offsetof` as seen by
//! the C compiler through `Python.h`, runs it, and compares every line with
//! `size_of`/`align_of`/`offset_of!` of the vm crate's definitions. A field
//! added, removed or retyped on one side changes a size or an offset, and
//! the test fails naming it.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::mem::{align_of, offset_of, size_of};
use std::process::Command;

use vm::object::*;
use vm::objects::{
    bytearray::PyByteArrayObject,
    bytes::PyBytesObject,
    complex::{PyComplexObject, Py_complex},
    dict::PyDictObject,
    exceptions::PyBaseExceptionObject,
    float::PyFloatObject,
    list::PyListObject,
    long::PyLongObject,
    memoryview::{ManagedBufferObject, PyMemoryViewObject},
    methodobject::PyCFunctionObject,
    setobject::{PySetObject, SetEntry},
    slice::PySliceObject,
    tuple::PyTupleObject,
    unicode::{PyASCIIObject, PyCompactUnicodeObject, PyUnicodeObject},
};

/// Size of the field that `f` projects to (Rust cannot name a field's type).
fn field_size<T, F>(_f: fn(&T) -> &F) -> usize {
    size_of::<F>()
}

/// One struct: its C name, and (C field designator, Rust offset, Rust size).
struct Layout {
    c_name: &'static str,
    size: usize,
    align: usize,
    fields: Vec<(&'static str, usize, usize)>,
}

macro_rules! c_field {
    ($rf:ident) => {
        stringify!($rf)
    };
    ($rf:ident, $cf:literal) => {
        $cf
    };
}

/// `layouts![ "CName" = RustType { field, rust_field as "c.field", ... }; ... ]`
macro_rules! layouts {
    ($( $c:literal = $t:ty { $( $rf:ident $(as $cf:literal)? ),* $(,)? } ; )*) => {
        vec![$(
            Layout {
                c_name: $c,
                size: size_of::<$t>(),
                align: align_of::<$t>(),
                fields: vec![$(
                    (c_field!($rf $(, $cf)?), offset_of!($t, $rf), field_size(|s: &$t| &s.$rf)),
                )*],
            },
        )*]
    };
}

fn table() -> Vec<Layout> {
    layouts![
        "PyObject" = PyObject { ob_refcnt, ob_type };
        "PyVarObject" = PyVarObject { ob_base, ob_size };
        "PyTypeObject" = PyTypeObject {
            ob_base, tp_name, tp_basicsize, tp_itemsize, tp_dealloc, tp_vectorcall_offset,
            tp_getattr, tp_setattr, tp_as_async, tp_repr, tp_as_number, tp_as_sequence,
            tp_as_mapping, tp_hash, tp_call, tp_str, tp_getattro, tp_setattro, tp_as_buffer,
            tp_flags, tp_doc, tp_traverse, tp_clear, tp_richcompare, tp_weaklistoffset,
            tp_iter, tp_iternext, tp_methods, tp_members, tp_getset, tp_base, tp_dict,
            tp_descr_get, tp_descr_set, tp_dictoffset, tp_init, tp_alloc, tp_new, tp_free,
            tp_is_gc, tp_bases, tp_mro, tp_cache, tp_subclasses, tp_weaklist, tp_del,
            tp_version_tag, tp_finalize, tp_vectorcall,
        };
        "PyHeapTypeObject" = PyHeapTypeObject {
            ht_type, as_async, as_number, as_mapping, as_sequence, as_buffer, ht_name,
            ht_slots, ht_qualname, ht_cached_keys, ht_module, _ht_tpname,
            _spec_cache_getitem as "_spec_cache.getitem",
        };
        "PyNumberMethods" = PyNumberMethods {
            nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod, nb_power, nb_negative,
            nb_positive, nb_absolute, nb_bool, nb_invert, nb_lshift, nb_rshift, nb_and,
            nb_xor, nb_or, nb_int, nb_reserved, nb_float, nb_inplace_add,
            nb_inplace_subtract, nb_inplace_multiply, nb_inplace_remainder, nb_inplace_power,
            nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor,
            nb_inplace_or, nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
            nb_inplace_true_divide, nb_index, nb_matrix_multiply, nb_inplace_matrix_multiply,
        };
        "PySequenceMethods" = PySequenceMethods {
            sq_length, sq_concat, sq_repeat, sq_item, was_sq_slice, sq_ass_item,
            was_sq_ass_slice, sq_contains, sq_inplace_concat, sq_inplace_repeat,
        };
        "PyMappingMethods" = PyMappingMethods { mp_length, mp_subscript, mp_ass_subscript };
        "PyAsyncMethods" = PyAsyncMethods { am_await, am_aiter, am_anext, am_send };
        "PyBufferProcs" = PyBufferProcs { bf_getbuffer, bf_releasebuffer };
        "Py_buffer" = Py_buffer {
            buf, obj, len, itemsize, readonly, ndim, format, shape, strides, suboffsets,
            internal,
        };
        "PyMethodDef" = PyMethodDef { ml_name, ml_meth, ml_flags, ml_doc };
        "PyMemberDef" = PyMemberDef { name, type_ as "type", offset, flags, doc };
        "PyGetSetDef" = PyGetSetDef { name, get, set, doc, closure };
        "PyModuleDef_Base" = PyModuleDef_Base { ob_base, m_init, m_index, m_copy };
        "PyModuleDef_Slot" = PyModuleDef_Slot { slot, value };
        "PyModuleDef" = PyModuleDef {
            m_base, m_name, m_doc, m_size, m_methods, m_slots, m_traverse, m_clear, m_free,
        };
        "PyType_Slot" = PyType_Slot { slot, pfunc };
        "PyType_Spec" = PyType_Spec { name, basicsize, itemsize, flags, slots };
        "PyLongObject" = PyLongObject { ob_base, ob_digit };
        "PyFloatObject" = PyFloatObject { ob_base, ob_fval };
        "Py_complex" = Py_complex { real, imag };
        "PyComplexObject" = PyComplexObject { ob_base, cval };
        "PyTupleObject" = PyTupleObject { ob_base, ob_item };
        "PyListObject" = PyListObject { ob_base, ob_item, allocated };
        "PyBytesObject" = PyBytesObject { ob_base, ob_shash, ob_sval };
        "PyByteArrayObject" = PyByteArrayObject {
            ob_base, ob_alloc, ob_bytes, ob_start, ob_exports,
        };
        "PyASCIIObject" = PyASCIIObject { ob_base, length, hash, state, wstr };
        "PyCompactUnicodeObject" = PyCompactUnicodeObject {
            _base, utf8_length, utf8, wstr_length,
        };
        "PyUnicodeObject" = PyUnicodeObject { _base, data };
        "PyDictObject" = PyDictObject { ob_base, ma_used, ma_version_tag, ma_keys, ma_values };
        "setentry" = SetEntry { key, hash };
        "PySetObject" = PySetObject {
            ob_base, fill, used, mask, table, hash, finger, smalltable, weakreflist,
        };
        "PySliceObject" = PySliceObject { ob_base, start, stop, step };
        "_PyManagedBufferObject" = ManagedBufferObject { ob_base, flags, exports, master };
        "PyMemoryViewObject" = PyMemoryViewObject {
            ob_base, mbuf, hash, flags, exports, view, weakreflist, ob_array,
        };
        "PyCFunctionObject" = PyCFunctionObject {
            ob_base, m_ml, m_self, m_module, m_weakreflist, vectorcall,
        };
        "PyBaseExceptionObject" = PyBaseExceptionObject {
            ob_base, dict, args, notes, traceback, context, cause, suppress_context,
        };
    ]
}

/// Integer constants that both sides define: (C expression, Rust value).
fn constants() -> Vec<(&'static str, u64)> {
    let mut v: Vec<(&'static str, u64)> = vec![
        ("Py_TPFLAGS_MANAGED_DICT", flags::MANAGED_DICT),
        ("Py_TPFLAGS_SEQUENCE", flags::SEQUENCE),
        ("Py_TPFLAGS_MAPPING", flags::MAPPING),
        ("Py_TPFLAGS_DISALLOW_INSTANTIATION", flags::DISALLOW_INSTANTIATION),
        ("Py_TPFLAGS_IMMUTABLETYPE", flags::IMMUTABLETYPE),
        ("Py_TPFLAGS_HEAPTYPE", flags::HEAPTYPE),
        ("Py_TPFLAGS_BASETYPE", flags::BASETYPE),
        ("Py_TPFLAGS_HAVE_VECTORCALL", flags::HAVE_VECTORCALL),
        ("Py_TPFLAGS_READY", flags::READY),
        ("Py_TPFLAGS_READYING", flags::READYING),
        ("Py_TPFLAGS_HAVE_GC", flags::HAVE_GC),
        ("Py_TPFLAGS_METHOD_DESCRIPTOR", flags::METHOD_DESCRIPTOR),
        ("Py_TPFLAGS_HAVE_VERSION_TAG", flags::HAVE_VERSION_TAG),
        ("Py_TPFLAGS_VALID_VERSION_TAG", flags::VALID_VERSION_TAG),
        ("Py_TPFLAGS_IS_ABSTRACT", flags::IS_ABSTRACT),
        ("_Py_TPFLAGS_MATCH_SELF", flags::MATCH_SELF),
        ("Py_TPFLAGS_LONG_SUBCLASS", flags::LONG_SUBCLASS),
        ("Py_TPFLAGS_LIST_SUBCLASS", flags::LIST_SUBCLASS),
        ("Py_TPFLAGS_TUPLE_SUBCLASS", flags::TUPLE_SUBCLASS),
        ("Py_TPFLAGS_BYTES_SUBCLASS", flags::BYTES_SUBCLASS),
        ("Py_TPFLAGS_UNICODE_SUBCLASS", flags::UNICODE_SUBCLASS),
        ("Py_TPFLAGS_DICT_SUBCLASS", flags::DICT_SUBCLASS),
        ("Py_TPFLAGS_BASE_EXC_SUBCLASS", flags::BASE_EXC_SUBCLASS),
        ("Py_TPFLAGS_TYPE_SUBCLASS", flags::TYPE_SUBCLASS),
        ("Py_TPFLAGS_DEFAULT", flags::DEFAULT),
    ];
    let ints: Vec<(&'static str, i64)> = vec![
        ("METH_VARARGS", meth::VARARGS.into()),
        ("METH_KEYWORDS", meth::KEYWORDS.into()),
        ("METH_NOARGS", meth::NOARGS.into()),
        ("METH_O", meth::O.into()),
        ("METH_CLASS", meth::CLASS.into()),
        ("METH_STATIC", meth::STATIC.into()),
        ("METH_COEXIST", meth::COEXIST.into()),
        ("METH_FASTCALL", meth::FASTCALL.into()),
        ("METH_METHOD", meth::METHOD.into()),
        ("Py_LT", PY_LT.into()),
        ("Py_LE", PY_LE.into()),
        ("Py_EQ", PY_EQ.into()),
        ("Py_NE", PY_NE.into()),
        ("Py_GT", PY_GT.into()),
        ("Py_GE", PY_GE.into()),
        ("Py_mod_create", PY_MOD_CREATE.into()),
        ("Py_mod_exec", PY_MOD_EXEC.into()),
        ("PySet_MINSIZE", vm::objects::setobject::PYSET_MINSIZE as i64),
        ("PyLong_SHIFT", vm::objects::long::SHIFT as i64),
    ];
    v.extend(ints.into_iter().map(|(n, x)| (n, x as u64)));
    v.push(("PY_VECTORCALL_ARGUMENTS_OFFSET", PY_VECTORCALL_ARGUMENTS_OFFSET as u64));
    v
}

/// Bits of PyASCIIObject.state that the VM reads with masks, and the C bit
/// field that must land on them: (C assignment, Rust value of the u32).
fn unicode_state_bits() -> Vec<(&'static str, u32)> {
    use vm::objects::unicode::{STATE_ASCII, STATE_COMPACT, STATE_READY};
    vec![
        ("interned = 3", 3),
        ("kind = 7", 7 << 2),
        ("compact = 1", STATE_COMPACT),
        ("ascii = 1", STATE_ASCII),
        ("ready = 1", STATE_READY),
    ]
}

fn c_program(table: &[Layout]) -> String {
    let mut c = String::from(
        "#define PY_SSIZE_T_CLEAN\n#include <Python.h>\n#include <structmember.h>\n\
         int main(void) {\n",
    );
    for l in table {
        let n = l.c_name;
        writeln!(c, "  printf(\"S {n} %zu %zu\\n\", sizeof({n}), (size_t)_Alignof({n}));").unwrap();
        for (f, _, _) in &l.fields {
            writeln!(
                c,
                "  printf(\"F {n}.{f} %zu %zu\\n\", offsetof({n}, {f}), Py_MEMBER_SIZE({n}, {f}));"
            )
            .unwrap();
        }
    }
    for (name, _) in constants() {
        writeln!(c, "  printf(\"C {name} %llu\\n\", (unsigned long long)({name}));").unwrap();
    }
    for (assign, _) in unicode_state_bits() {
        writeln!(
            c,
            "  {{ PyASCIIObject a; unsigned int u; memset(&a, 0, sizeof a); a.state.{assign}; \
             memcpy(&u, &a.state, sizeof u); printf(\"B {assign} %u\\n\", u); }}"
        )
        .unwrap();
    }
    c.push_str("  return 0;\n}\n");
    c
}

fn rust_lines(table: &[Layout]) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for l in table {
        m.insert(format!("S {}", l.c_name), format!("{} {}", l.size, l.align));
        for (f, off, size) in &l.fields {
            m.insert(format!("F {}.{}", l.c_name, f), format!("{off} {size}"));
        }
    }
    for (name, v) in constants() {
        m.insert(format!("C {name}"), v.to_string());
    }
    for (assign, v) in unicode_state_bits() {
        m.insert(format!("B {assign}"), v.to_string());
    }
    m
}

#[test]
fn c_and_rust_layouts_agree() {
    let table = table();
    let dir = common::scratch("layout");
    let src = dir.join("layout.c");
    let exe = dir.join("layout");
    std::fs::write(&src, c_program(&table)).expect("write layout.c");
    let inc = common::include_dir();
    common::compile(
        &common::c_compiler(),
        &[
            "-std=c11", "-Wall", "-Wextra", "-Werror",
            "-I", inc.to_str().unwrap(),
            src.to_str().unwrap(), "-o", exe.to_str().unwrap(),
        ],
    );
    let out = Command::new(&exe).output().expect("run layout program");
    assert!(out.status.success(), "layout program failed");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");

    let rust = rust_lines(&table);
    let mut c_side = BTreeMap::new();
    for line in stdout.lines() {
        let (key, val) = line.rsplit_once(' ').and_then(|(a, b)| {
            // Keys are "S name", "F name.field", "C name", "B assignment";
            // S and F lines carry two numbers.
            if line.starts_with("S ") || line.starts_with("F ") {
                a.rsplit_once(' ').map(|(k, x)| (k.to_string(), format!("{x} {b}")))
            } else {
                Some((a.to_string(), b.to_string()))
            }
        }).expect("well-formed line");
        c_side.insert(key, val);
    }

    let mut diffs = Vec::new();
    for (k, rv) in &rust {
        match c_side.get(k) {
            Some(cv) if cv == rv => {}
            Some(cv) => diffs.push(format!("{k}: C {cv} / Rust {rv}")),
            None => diffs.push(format!("{k}: missing from the C output")),
        }
    }
    assert_eq!(c_side.len(), rust.len(), "C printed lines the table does not have");
    assert!(
        diffs.is_empty(),
        "C (include/) and Rust (vm) disagree (size align / offset size / value):\n  {}",
        diffs.join("\n  ")
    );
}
