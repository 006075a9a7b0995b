//! `_heapq`: the heap queue algorithm on lists, with the C version's
//! comparison order (so results, and the point where a failing comparison
//! or a list mutated by `__lt__` raises, match CPython's).

use std::os::raw::c_void;
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::list_methods::del_range;
use vm::objects::methodobject::check_nargs;
use vm::objects::{list, module, unicode};
use vm::objref::PyObj;

fn list_arg<'a>(o: &'a PyObj, fname: &str, pos: bool) -> PyResult<&'a PyObj> {
    if list::is_list(o) {
        return Ok(o);
    }
    // As _PyArg_BadArgument: "None" for None, else the full tp_name.
    let got = if vm::objects::none::is_none(o) { "None".to_string() } else { crate::native::tp_name(o.ob_type()) };
    let which = if pos { "argument 1" } else { "argument" };
    Err(err::type_error(format!("{}() {} must be list, not {}", fname, which, got)))
}

fn index_error() -> err::PyErr {
    err::index_error("index out of range")
}

fn changed() -> err::PyErr {
    err::runtime_error("list changed size during iteration")
}

/// `a < b` for the min-heap, `b < a` for the max-heap.
fn less(a: &PyObj, b: &PyObj, max: bool) -> PyResult<bool> {
    if max {
        ab::rich_compare_bool(b, a, PY_LT)
    } else {
        ab::rich_compare_bool(a, b, PY_LT)
    }
}

fn swap(h: &PyObj, i: usize, j: usize) {
    let (a, b) = (list::get(h, i), list::get(h, j));
    list::set(h, i, b);
    list::set(h, j, a);
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn siftdown(h: &PyObj, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = list::len(h);
    if pos >= size {
        return Err(index_error());
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = (list::get(h, pos), list::get(h, parentpos));
        let lt = less(&newitem, &parent, max)?;
        if size != list::len(h) {
            return Err(changed());
        }
        if !lt {
            break;
        }
        swap(h, parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` to a leaf, then sifts the item back down.
fn siftup(h: &PyObj, mut pos: usize, max: bool) -> PyResult<()> {
    let end = list::len(h);
    let start = pos;
    if pos >= end {
        return Err(index_error());
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (list::get(h, child), list::get(h, child + 1));
            let lt = less(&a, &b, max)?;
            if !lt {
                child += 1;
            }
            if end != list::len(h) {
                return Err(changed());
            }
        }
        swap(h, child, pos);
        pos = child;
    }
    siftdown(h, start, pos, max)
}

fn pop(h: &PyObj, max: bool) -> PyResult {
    let n = list::len(h);
    if n == 0 {
        return Err(index_error());
    }
    let last = list::get(h, n - 1);
    del_range(h, n - 1, n);
    if n == 1 {
        return Ok(last);
    }
    let ret = list::get(h, 0);
    list::set(h, 0, last);
    siftup(h, 0, max)?;
    Ok(ret)
}

fn replace(h: &PyObj, item: &PyObj, max: bool) -> PyResult {
    if list::len(h) == 0 {
        return Err(index_error());
    }
    let ret = list::get(h, 0);
    list::set(h, 0, item.clone());
    siftup(h, 0, max)?;
    Ok(ret)
}

fn heapify(h: &PyObj, max: bool) -> PyResult {
    let n = list::len(h);
    for i in (0..n / 2).rev() {
        siftup(h, i, max)?;
    }
    Ok(vm::objects::none::none())
}

vm::fastcall!(heappush, |m, args| {
    check_nargs("heappush", args, 2, 2)?;
    let h = list_arg(&args[0], "heappush", true)?;
    list::append(h, args[1].clone());
    siftdown(h, 0, list::len(h) - 1, false)?;
    Ok(vm::objects::none::none())
});

vm::onearg!(heappop, |m, h| { pop(list_arg(h.unwrap(), "heappop", false)?, false) });
vm::onearg!(heappop_max, |m, h| { pop(list_arg(h.unwrap(), "_heappop_max", false)?, true) });
vm::onearg!(heapify_min, |m, h| { heapify(list_arg(h.unwrap(), "heapify", false)?, false) });
vm::onearg!(heapify_max, |m, h| { heapify(list_arg(h.unwrap(), "_heapify_max", false)?, true) });

vm::fastcall!(heapreplace, |m, args| {
    check_nargs("heapreplace", args, 2, 2)?;
    replace(list_arg(&args[0], "heapreplace", true)?, &args[1], false)
});
vm::fastcall!(heapreplace_max, |m, args| {
    check_nargs("_heapreplace_max", args, 2, 2)?;
    replace(list_arg(&args[0], "_heapreplace_max", true)?, &args[1], true)
});

vm::fastcall!(heappushpop, |m, args| {
    check_nargs("heappushpop", args, 2, 2)?;
    let h = list_arg(&args[0], "heappushpop", true)?;
    let item = &args[1];
    if list::len(h) == 0 {
        return Ok(item.clone());
    }
    let top = list::get(h, 0);
    if !ab::rich_compare_bool(&top, item, PY_LT)? {
        return Ok(item.clone());
    }
    if list::len(h) == 0 {
        return Err(index_error());
    }
    let ret = list::get(h, 0);
    list::set(h, 0, item.clone());
    siftup(h, 0, false)?;
    Ok(ret)
});

const DOC: &str = "Heap queue algorithm (a.k.a. priority queue).

Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for
all k, counting elements from 0.  For the sake of comparison,
non-existing elements are considered to be infinite.  The interesting
property of a heap is that a[0] is always its smallest element.

Usage:

heap = []            # creates an empty heap
heappush(heap, item) # pushes a new item on the heap
item = heappop(heap) # pops the smallest item from the heap
item = heap[0]       # smallest item on the heap without popping it
heapify(x)           # transforms list into a heap, in-place, in linear time
item = heapreplace(heap, item) # pops and returns smallest item, and adds
                               # new item; the heap size is unchanged

Our API differs from textbook heap algorithms as follows:

- We use 0-based indexing.  This makes the relationship between the
  index for a node and the indexes for its children slightly less
  obvious, but is more suitable since Python uses 0-based indexing.

- Our heappop() method returns the smallest item, not the largest.

These two make it possible to view the heap as a regular Python list
without surprises: heap[0] is the smallest item, and heap.sort()
maintains the heap invariant!
";

pub fn init() -> PyResult<PyObj> {
    let m = module::new("_heapq");
    vm::sysmodule::add_functions(&m, &[
        ("heappush", heappush as *const c_void, meth::FASTCALL),
        ("heappushpop", heappushpop as *const c_void, meth::FASTCALL),
        ("heappop", heappop as *const c_void, meth::O),
        ("heapreplace", heapreplace as *const c_void, meth::FASTCALL),
        ("heapify", heapify_min as *const c_void, meth::O),
        ("_heappop_max", heappop_max as *const c_void, meth::O),
        ("_heapify_max", heapify_max as *const c_void, meth::O),
        ("_heapreplace_max", heapreplace_max as *const c_void, meth::FASTCALL),
    ]);
    ab::setattr_str(&m, "__doc__", unicode::new(DOC))?;
    Ok(m)
}
