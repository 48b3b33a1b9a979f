#!/usr/bin/python3
"""Independent Modbus TCP reader for Andon's tests (pymodbus 3.0): reads register ranges
from a server on 127.0.0.1 and prints one JSON document on stdout.

  modbus_read.py --port PORT [--unit 1] --range TABLE:ADDRESS:COUNT [--range ...]

TABLE is "holding" (FC3), "input" (FC4), "coil" (FC1) or "discrete" (FC2); COUNT at most 125
registers or 2000 bits (one request per range, so one range is one snapshot of the server).
Output (bit tables give their bits as 0/1 under "registers" too):
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
                    "input": client.read_input_registers,
                    "coil": client.read_coils,
                    "discrete": client.read_discrete_inputs}[table]
            start_ms = time.time() * 1000.0
            reply = read(address, count, slave=args.unit)
            end_ms = time.time() * 1000.0
            if reply.isError():
                print(f"{spec}: {reply}", file=sys.stderr)
                return 1
            values = ([int(bool(b)) for b in reply.bits[:count]]
                      if table in ("coil", "discrete") else list(reply.registers))
            out.append({"table": table, "address": address, "registers": values,
                        "start_ms": start_ms, "end_ms": end_ms})
    finally:
        client.close()
    print(json.dumps({"ranges": out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
