#!/usr/bin/python3
"""Independent Modbus peer for Andon's integration tests and benchmark (pymodbus 3.0).

Serves the register image described in modbus_layout.json, encoded here with Python's
struct module (not with Andon's codec), over TCP on 127.0.0.1 or RTU on a serial device
(one end of a socat pty pair). Every unit id gets the same data.

  modbus_server.py --layout modbus_layout.json --tcp PORT [--rtu-over-tcp] [--delay-ms N]
  modbus_server.py --layout modbus_layout.json --serial /path/to/pty [--baud 19200] [--parity N]

--delay-ms makes every read answer late (a slow device); --units 1,3 answers only those unit
ids (the others are silent devices on the same line). --reject-single-writes answers FC5 and
FC6 with exception 1 (illegal function), like devices that accept only FC15/FC16.
--write-log FILE appends one JSON line per write the server executes:
{"fc": 15, "address": 10, "values": [1]}. Prints "ready" once serving.
"""
import argparse
import asyncio
import json
import struct
import sys
import time

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext)
from pymodbus.bit_write_message import WriteSingleCoilRequest
from pymodbus.pdu import ModbusExceptions
from pymodbus.register_write_message import WriteSingleRegisterRequest
from pymodbus.server import StartAsyncSerialServer, StartAsyncTcpServer
from pymodbus.transaction import ModbusRtuFramer

FORMATS = {"int16": "h", "uint16": "H", "int32": "i", "uint32": "I", "int64": "q",
           "uint64": "Q", "float32": "f", "float64": "d"}


def registers(big_endian_bytes, order):
    """Registers (address order) a device with `order` stores for these MSB-first bytes."""
    b = big_endian_bytes
    if order in ("BADC", "DCBA"):
        b = bytes(x for i in range(0, len(b), 2) for x in (b[i + 1], b[i]))
    regs = [(b[i] << 8) | b[i + 1] for i in range(0, len(b), 2)]
    if order in ("CDAB", "DCBA"):
        regs.reverse()
    return regs


def image(layout):
    regs = [0] * layout["registers"]
    for v in layout["values"]:
        fmt = FORMATS[v["type"]]
        value = v["value"]
        raw = struct.pack(">" + fmt, value)
        for i, r in enumerate(registers(raw, v["order"])):
            regs[v["address"] + i] = r
    for s in layout["strings"]:
        raw = s["text"].encode("ascii").ljust(2 * s["length"], b"\0")
        for i, r in enumerate(registers(raw, s["order"])):
            regs[s["address"] + i] = r
    regs[layout["bit_register"]["address"]] = layout["bit_register"]["value"]
    return regs


class SlowBlock(ModbusSequentialDataBlock):
    """Answers every read `delay` seconds late (blocks the server: it is one slow device)."""

    def __init__(self, address, values, delay):
        super().__init__(address, values)
        self.delay = delay

    def getValues(self, address, count=1):
        if self.delay:
            time.sleep(self.delay)
        return super().getValues(address, count)


class LoggingSlaveContext(ModbusSlaveContext):
    """Appends every executed write (with the function code it came with) to a log file."""

    def __init__(self, log_path, **kwargs):
        super().__init__(**kwargs)
        self.log_path = log_path

    def setValues(self, fc_as_hex, address, values):
        super().setValues(fc_as_hex, address, values)
        if self.log_path:
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(json.dumps({"fc": fc_as_hex, "address": address,
                                      "values": [int(v) for v in values]}) + "\n")


class RefusedWriteSingleCoil(WriteSingleCoilRequest):
    def execute(self, context):
        return self.doException(ModbusExceptions.IllegalFunction)


class RefusedWriteSingleRegister(WriteSingleRegisterRequest):
    def execute(self, context):
        return self.doException(ModbusExceptions.IllegalFunction)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--layout", required=True)
    parser.add_argument("--tcp", type=int)
    parser.add_argument("--serial")
    parser.add_argument("--rtu-over-tcp", action="store_true",
                        help="with --tcp: RTU frames (with CRC) instead of MBAP")
    parser.add_argument("--baud", type=int, default=19200)
    # N, not Modbus' default E: Linux ptys reject even parity with 1 stop bit (EINVAL), and
    # a pty ignores line settings anyway.
    parser.add_argument("--parity", default="N", choices=["N", "E", "O"])
    parser.add_argument("--delay-ms", type=int, default=0)
    parser.add_argument("--units", default="",
                        help="comma-separated unit ids to answer; others get no reply "
                             "(default: every unit id answers)")
    parser.add_argument("--registers", type=int, default=0,
                        help="registers per table (at least the layout's)")
    parser.add_argument("--reject-single-writes", action="store_true",
                        help="answer FC5/FC6 with exception 1 (only FC15/FC16 write)")
    parser.add_argument("--write-log", default="",
                        help="append each executed write as a JSON line to this file")
    args = parser.parse_args()
    with open(args.layout, encoding="utf-8") as f:
        layout = json.load(f)
    regs = image(layout)
    regs += [0] * max(0, args.registers - len(regs))
    delay = args.delay_ms / 1000.0
    coils = [1 if i % 3 == 0 else 0 for i in range(64)]
    discrete = [1 if i % 2 == 1 else 0 for i in range(64)]
    # zero_mode: protocol address N is block index N (pymodbus otherwise adds 1).
    slave = LoggingSlaveContext(
        args.write_log,
        hr=SlowBlock(0, list(regs), delay), ir=SlowBlock(0, list(regs), delay),
        co=SlowBlock(0, coils, delay), di=SlowBlock(0, discrete, delay), zero_mode=True)
    units = [int(u) for u in args.units.split(",") if u]
    if units:
        context = ModbusServerContext(slaves={u: slave for u in units}, single=False)
    else:
        context = ModbusServerContext(slaves=slave, single=True)

    async def run():
        if args.tcp:
            server = await StartAsyncTcpServer(context=context, address=("127.0.0.1", args.tcp),
                                               defer_start=True, allow_reuse_address=True,
                                               ignore_missing_slaves=True,
                                               **({"framer": ModbusRtuFramer}
                                                  if args.rtu_over_tcp else {}))
            if args.reject_single_writes:
                server.decoder.register(RefusedWriteSingleCoil)
                server.decoder.register(RefusedWriteSingleRegister)
            serving = asyncio.create_task(server.serve_forever())
            await server.serving  # set once the socket listens
            print("ready", flush=True)
            await serving
        else:
            server = await StartAsyncSerialServer(context=context, framer=ModbusRtuFramer,
                                                  port=args.serial, baudrate=args.baud,
                                                  bytesize=8, parity=args.parity, stopbits=1,
                                                  ignore_missing_slaves=True, defer_start=True)
            if args.reject_single_writes:
                server.decoder.register(RefusedWriteSingleCoil)
                server.decoder.register(RefusedWriteSingleRegister)
            await server.start()
            print("ready", flush=True)
            await server.serve_forever()

    asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
