#!/usr/bin/env python3
"""Reference register images for tests/unit/tst_modbus_codec.cpp, computed with Python's
struct module (independent of Andon's codec). Orders: A = most significant byte.
  ABCD: struct '>' split into 16-bit registers (as Modbus sends them)
  CDAB: the ABCD registers in reverse order (word swap)
  BADC: the two bytes of every ABCD register swapped (byte swap)
  DCBA: struct '<' split into registers (fully little-endian)
Prints one C++ data row per (type, value, order); paste the output into the test."""
import struct

CASES = [
    ("int16", "h", -2), ("uint16", "H", 65534),
    ("int32", "i", -123456789), ("uint32", "I", 4000000000),
    ("int64", "q", -1234567890123), ("uint64", "Q", 1234567890123456),
    ("float32", "f", 123.456), ("float32", "f", -1.5),
    ("float64", "d", -9876.54321),
]

def regs(b):
    return [(b[i] << 8) | b[i + 1] for i in range(0, len(b), 2)]

for name, fmt, value in CASES:
    big = struct.pack(">" + fmt, value)
    little = struct.pack("<" + fmt, value)
    images = {
        "ABCD": regs(big),
        "CDAB": list(reversed(regs(big))),
        "BADC": regs(bytes(x for i in range(0, len(big), 2) for x in (big[i + 1], big[i]))),
        "DCBA": regs(little),
    }
    # The value a double holds after the round trip through the type.
    expected = struct.unpack(">" + fmt, big)[0]
    for order, r in images.items():
        words = ", ".join("0x%04X" % w for w in r)
        print('    row("%s %r %s", ModbusType::%s, ModbusOrder::%s, {%s}, %r);'
              % (name, value, order, {"int16": "Int16", "uint16": "UInt16", "int32": "Int32",
                 "uint32": "UInt32", "int64": "Int64", "uint64": "UInt64",
                 "float32": "Float32", "float64": "Float64"}[name], order, words, float(expected)))
