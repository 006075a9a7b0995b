/* Pyrite: the digits of an int (non-limited API).
   Magnitude in base 2**30, least significant digit first; the sign of
   ob_size is the sign of the number, its absolute value the digit count. */
#ifndef Py_LIMITED_API
#ifndef Py_LONGINTREPR_H
#define Py_LONGINTREPR_H

#ifdef __cplusplus
extern "C" {
#endif

#define PYLONG_BITS_IN_DIGIT 30
typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

#define PyLong_SHIFT 30
#define _PyLong_DECIMAL_SHIFT 9
#define _PyLong_DECIMAL_BASE ((digit)1000000000)
#define PyLong_BASE ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK ((digit)(PyLong_BASE - 1))

struct _longobject {
    PyObject_VAR_HEAD
    digit ob_digit[1];
};

#ifdef __cplusplus
}
#endif
#endif /* !Py_LONGINTREPR_H */
#endif /* !Py_LIMITED_API */
