#!/usr/bin/python3
"""Independent Modbus TCP reader for Andon's tests (pymodbus 3.0): reads register ranges
from a server on 127.0.0.1 and prints one JSON document on stdout.

  modbus_read.py --port PORT [--unit 1] --range TABLE:ADDRESS:COUNT [--range ...]

TABLE is "holding" (FC3) or "input" (FC4); COUNT at most 125 (one request per range, so the
registers of one range are one snapshot of the server). Output:
  {"ranges": [{"table": "holding", "address": 0, "registers": [...],
               "start_ms": <epoch ms before the request>, "end_ms": <after the answer>}]}
Exit code 1 with a message on stderr when the server cannot be reached or answers an error.
"""
import argparse
import json
import sys
import time

from pymodbus.client import ModbusTcpClient


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--unit", type=int, default=1)
    parser.add_argument("--range", action="append", required=True, dest="ranges")
    args = parser.parse_args()

    client = ModbusTcpClient("127.0.0.1", port=args.port, timeout=5, retries=1)
    if not client.connect():
        print(f"cannot connect to 127.0.0.1:{args.port}", file=sys.stderr)
        return 1
    out = []
    try:
        for spec in args.ranges:
            table, address, count = spec.split(":")
            address, count = int(address), int(count)
            read = {"holding": client.read_holding_registers,
                    "input": client.read_input_registers}[table]
            start_ms = time.time() * 1000.0
            reply = read(address, count, slave=args.unit)
            end_ms = time.time() * 1000.0
            if reply.isError():
                print(f"{spec}: {reply}", file=sys.stderr)
                return 1
            out.append({"table": table, "address": address, "registers": list(reply.registers),
                        "start_ms": start_ms, "end_ms": end_ms})
    finally:
        client.close()
    print(json.dumps({"ranges": out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
