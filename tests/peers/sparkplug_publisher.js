#!/usr/bin/env node
// An independent Sparkplug B edge node for Andon's integration tests: payloads are encoded by
// the npm package `sparkplug-payload` (Eclipse Tahu's JavaScript codec), MQTT by npm `mqtt`.
// Nothing here shares code with Andon.
//
// usage: node sparkplug_publisher.js --port P --group G --node N --device D --host-id H \
//            --steps STEP,STEP,...
// steps (run in order):
//   wait-host        wait for the retained STATE {"online":true} of --host-id (Sparkplug 3.0
//                    edge nodes wait for their primary host before publishing)
//   nbirth | dbirth  births (NBIRTH resets seq to 0; bdSeq stays for the session)
//   ddata:V          DDATA by alias: Temperature = V (Float), Count += 1 (UInt32), Offset = -V (Int8)
//   ndata:V          NDATA by alias: Uptime = V
//   gap              skip one sequence number (the next message is out of sequence)
//   wait-rebirth     wait for NCMD "Node Control/Rebirth" = true, then NBIRTH + DBIRTH again
//   ddeath | ndeath  deaths (NDEATH carries the session's bdSeq, like the Last-Will)
//   sleep:MS
// Every wait is bounded (15 s); exit 0 on success, 3 on a timeout, 2 on bad arguments.
'use strict';

const mqtt = require('mqtt');
const sparkplug = require('sparkplug-payload').get('spBv1.0');

function parseArgs(argv) {
    const out = {};
    for (let i = 2; i < argv.length; i += 2) {
        if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
            console.error(`bad argument ${argv[i]}`);
            process.exit(2);
        }
        out[argv[i].slice(2)] = argv[i + 1];
    }
    for (const k of ['port', 'group', 'node', 'device', 'steps']) {
        if (!out[k]) {
            console.error(`missing --${k}`);
            process.exit(2);
        }
    }
    return out;
}

const args = parseArgs(process.argv);
const ns = 'spBv1.0';
const topic = (type, device) =>
    `${ns}/${args.group}/${type}/${args.node}` + (device ? `/${device}` : '');
const bdSeq = Number(args.bdseq || 5);
let seq = 0;
let count = 0;
let uptime = 1000;
let temperature = 20;
const waitMs = 15000; // each wait; the whole scenario is capped at 20 s below

const nextSeq = () => {
    const s = seq;
    seq = (seq + 1) % 256;
    return s;
};

const ndeathPayload = () => sparkplug.encodePayload({
    timestamp: Date.now(),
    metrics: [{ name: 'bdSeq', type: 'UInt64', value: bdSeq }],
});

const client = mqtt.connect({
    host: '127.0.0.1',
    port: Number(args.port),
    clientId: `spb-peer-${process.pid}`,
    protocolVersion: 4,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 10000,
    will: { topic: topic('NDEATH'), payload: Buffer.from(ndeathPayload()), qos: 1, retain: false },
});

const waiters = [];
let hostOnline = false;
client.on('message', (t, message) => {
    if (t === `${ns}/STATE/${args['host-id']}`) {
        try {
            const state = JSON.parse(message.toString());
            hostOnline = state.online === true;
            console.log(`state ${message.toString()}`);
        } catch (e) {
            console.log(`state not JSON: ${message.toString()}`);
        }
    } else if (t === topic('NCMD')) {
        const p = sparkplug.decodePayload(message);
        const m = (p.metrics || []).find((x) => x.name === 'Node Control/Rebirth');
        if (m && m.value === true) {
            console.log('rebirth-requested');
            rebirthRequests += 1;
        }
    }
    for (const w of waiters.splice(0))
        w();
});
let rebirthRequests = 0;

function waitFor(predicate, what) {
    return new Promise((resolve, reject) => {
        const deadline = Date.now() + waitMs;
        const check = () => {
            if (predicate())
                return resolve();
            if (Date.now() >= deadline)
                return reject(new Error(`timed out waiting for ${what}`));
            waiters.push(check);
            setTimeout(() => { const i = waiters.indexOf(check); if (i >= 0) { waiters.splice(i, 1); check(); } }, 100);
        };
        check();
    });
}

function publish(t, payloadObject) {
    return new Promise((resolve, reject) => {
        client.publish(t, Buffer.from(sparkplug.encodePayload(payloadObject)), { qos: 1 }, (err) =>
            err ? reject(err) : resolve());
    });
}

async function nbirth() {
    seq = 0;
    await publish(topic('NBIRTH'), {
        timestamp: Date.now(),
        seq: nextSeq(),
        metrics: [
            { name: 'bdSeq', type: 'UInt64', value: bdSeq },
            { name: 'Node Control/Rebirth', type: 'Boolean', value: false },
            { name: 'Uptime', alias: 1, type: 'UInt64', value: uptime },
        ],
    });
    console.log('published NBIRTH');
}

async function dbirth() {
    await publish(topic('DBIRTH', args.device), {
        timestamp: Date.now(),
        seq: nextSeq(),
        metrics: [
            { name: 'Motor/Temperature', alias: 10, type: 'Float', value: temperature,
              properties: { engUnit: { type: 'String', value: 'degC' } } },
            { name: 'Count', alias: 11, type: 'UInt32', value: count },
            { name: 'Offset', alias: 12, type: 'Int8', value: -Math.round(temperature) },
        ],
    });
    console.log('published DBIRTH');
}

async function ddata(v) {
    temperature = v;
    count += 1;
    const s = nextSeq();
    await publish(topic('DDATA', args.device), {
        timestamp: Date.now(),
        seq: s,
        metrics: [
            { alias: 10, type: 'Float', value: v },
            { alias: 11, type: 'UInt32', value: count },
            { alias: 12, type: 'Int8', value: -Math.round(v) },
        ],
    });
    console.log(`published DDATA seq ${s} temperature ${v}`);
}

async function ndata(v) {
    uptime = v;
    await publish(topic('NDATA'), {
        timestamp: Date.now(),
        seq: nextSeq(),
        metrics: [{ alias: 1, type: 'UInt64', value: v }],
    });
    console.log(`published NDATA uptime ${v}`);
}

async function run() {
    for (const step of args.steps.split(',')) {
        const [name, arg] = step.split(':');
        switch (name) {
        case 'wait-host':
            await waitFor(() => hostOnline, 'the host STATE birth');
            break;
        case 'nbirth': await nbirth(); break;
        case 'dbirth': await dbirth(); break;
        case 'ddata': await ddata(Number(arg)); break;
        case 'ndata': await ndata(Number(arg)); break;
        case 'gap':
            nextSeq();
            console.log('skipped a sequence number');
            break;
        case 'wait-rebirth': {
            await waitFor(() => rebirthRequests > 0, 'a rebirth request');
            rebirthRequests = 0;
            await nbirth();
            await dbirth();
            break;
        }
        case 'ddeath':
            await publish(topic('DDEATH', args.device), { timestamp: Date.now(), seq: nextSeq() });
            console.log('published DDEATH');
            break;
        case 'ndeath':
            await new Promise((resolve, reject) => client.publish(topic('NDEATH'),
                Buffer.from(ndeathPayload()), { qos: 1 }, (err) => err ? reject(err) : resolve()));
            console.log('published NDEATH');
            break;
        case 'sleep':
            await new Promise((resolve) => setTimeout(resolve, Math.min(Number(arg), waitMs)));
            break;
        default:
            throw new Error(`unknown step ${step}`);
        }
    }
}

const overall = setTimeout(() => {
    console.error('scenario did not finish within 20 s');
    process.exit(3);
}, 20000);

client.on('error', (e) => {
    console.error(`mqtt error: ${e.message}`);
    process.exit(3);
});
client.on('connect', () => {
    const subs = [topic('NCMD')];
    if (args['host-id'])
        subs.push(`${ns}/STATE/${args['host-id']}`);
    client.subscribe(subs, { qos: 1 }, (err) => {
        if (err) {
            console.error(`subscribe failed: ${err.message}`);
            process.exit(3);
        }
        run().then(() => {
            clearTimeout(overall);
            console.log('scenario done');
            client.end(false, () => process.exit(0));
        }, (e) => {
            console.error(e.message);
            process.exit(3);
        });
    });
});
