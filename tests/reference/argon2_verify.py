#!/usr/bin/env python3
"""Independent check of Andon's password hashes with argon2-cffi (Debian python3-argon2),
the reference Argon2 implementation's Python binding, not libsodium.

  argon2_verify.py verify      stdin: line 1 = encoded hash, line 2 = password
                               exit 0 and "ok" when the password matches, 1 and "mismatch"
                               when it does not, 2 when the hash cannot be parsed.
  argon2_verify.py params      stdin: line 1 = encoded hash; prints "type t m p" of it.
  argon2_verify.py hash T M P  stdin: line 1 = password; prints an Argon2id hash made with
                               time_cost T, memory_cost M (KiB), parallelism P.

Passwords come on stdin, never on the command line (tests assert that nothing leaks).
"""
import sys

import argon2
from argon2.exceptions import InvalidHash, VerificationError
from argon2.low_level import Type


def read_lines(n):
    lines = sys.stdin.read().split("\n")
    return [line.rstrip("\r") for line in lines[:n]] + [""] * (n - len(lines[:n]))


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "verify":
        encoded, password = read_lines(2)
        try:
            argon2.PasswordHasher().verify(encoded, password)
        except VerificationError:
            print("mismatch")
            return 1
        except InvalidHash as e:
            print(f"invalid hash: {e}")
            return 2
        print("ok")
        return 0
    if mode == "params":
        (encoded,) = read_lines(1)
        p = argon2.extract_parameters(encoded)
        kind = {Type.ID: "argon2id", Type.I: "argon2i", Type.D: "argon2d"}[p.type]
        print(f"{kind} {p.time_cost} {p.memory_cost} {p.parallelism}")
        return 0
    if mode == "hash" and len(sys.argv) == 5:
        (password,) = read_lines(1)
        t, m, par = (int(v) for v in sys.argv[2:5])
        hasher = argon2.PasswordHasher(time_cost=t, memory_cost=m, parallelism=par,
                                       type=Type.ID)
        print(hasher.hash(password))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
