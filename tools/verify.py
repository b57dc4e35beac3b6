#!/usr/bin/env python3
"""Independent verifier of a published 双随机 draw record (DOMAIN.md section 4.4), Python 3 standard library only.

    python3 tools/verify.py RECORD.json [--strata STRATA.json] [--json]

Recomputes, without any code of the platform: the frame hash, the session and derived seeds, every target ticket
(Rivest's consistent sampler: U(H(seed) + id)), the selection (each stratum's n_h smallest tickets), and the inspector
tickets, in the order specified in packages/core/src/draw/draw-record.ts ("Verification").

Exit status: 0 when everything matches, 1 at the first discrepancy (printed), 2 when the record or the strata file
cannot be read (missing file, not JSON, not an ssj-draw-record-v1 document).
With --json, prints one JSON object instead: {"ok": true, ...report} or {"ok": false, "field", "id", "expected",
"found", "message"} (or {"ok": false, "unreadable": ...}).
"""

import hashlib
import json
import re
import sys

RECORD_FORMAT = 'ssj-draw-record-v1'
ALGORITHM = 'ssj-draw-v1'
HEX64 = re.compile(r'[0-9a-f]{64}')
DIGITS = re.compile(r'[0-9]{20,}')
CONTROL = re.compile('[\u0000-\u001f\u007f]')
SEALED_NOTE = 'strata sealed: per-stratum selection not checked'


# ---------------------------------------------------------------------------------------------------------------
# Primitives (DOMAIN.md section 4.3)

def encodable(s):
    """Whether s has a UTF-8 encoding (json.load can produce lone surrogates, which cannot be hashed)."""
    try:
        s.encode('utf-8')
        return True
    except UnicodeEncodeError:
        return False


def sha256_hex(s):
    """H(s): lowercase hex SHA-256 of the UTF-8 bytes of s."""
    return hashlib.sha256(s.encode('utf-8')).hexdigest()


def uniform(s):
    """U(s): "0." + the decimal digits of H(s) as an integer, zero-padded to 64 digits, reversed."""
    return '0.' + str(int(sha256_hex(s), 16)).rjust(64, '0')[::-1]


def make_ticketer(seed):
    """ticket(x) = U(H(seed) + x), with H(seed) computed once."""
    prefix = sha256_hex(seed)
    return lambda x: uniform(prefix + x)


def valid_text(s):
    """A valid text of the record: non-empty, UTF-8-encodable, without TAB, LF or CR."""
    return s != '' and '\t' not in s and '\n' not in s and '\r' not in s and encodable(s)


# ---------------------------------------------------------------------------------------------------------------
# Shape (the record's types); a failure means the record is unreadable (exit 2)

class Unreadable(Exception):
    pass


def obj(value, path):
    if not isinstance(value, dict):
        raise Unreadable('%s must be an object' % (path or 'the document'))
    return value


def arr(value, path):
    if not isinstance(value, list):
        raise Unreadable('%s must be an array' % path)
    return value


def string(o, key, path):
    value = o.get(key)
    if not isinstance(value, str):
        raise Unreadable('%s must be a string' % join(path, key))
    return value


def nullable_string(o, key, path):
    if key in o and o[key] is None:
        return None
    return string(o, key, path)


def integer(o, key, path):
    value = o.get(key)
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2 ** 53 - 1:
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2 ** 53 - 1:
        raise Unreadable('%s must be a whole number' % join(path, key))
    return value


def join(path, key):
    return key if path == '' else path + '.' + key


def read_record(doc):
    o = obj(doc, '')
    if o.get('format') != RECORD_FORMAT:
        raise Unreadable('format must be "%s"' % RECORD_FORMAT)
    task = obj(o.get('task'), 'task')
    session = obj(o.get('session'), 'session')
    seed = obj(o.get('seed'), 'seed')
    derived = obj(o.get('derivedSeeds'), 'derivedSeeds')
    frame = obj(o.get('frame'), 'frame')
    excluded = obj(o.get('excluded'), 'excluded')
    r = {
        'id': string(o, 'id', ''),
        'algorithm': string(o, 'algorithm', ''),
        'task': {'code': string(task, 'code', 'task'), 'year': integer(task, 'year', 'task'),
                 'name': string(task, 'name', 'task'), 'batch': integer(task, 'batch', 'task'),
                 'ratio': string(task, 'ratio', 'task')},
        'seed': {'digits': string(seed, 'digits', 'seed'), 'beacon': nullable_string(seed, 'beacon', 'seed'),
                 'value': string(seed, 'value', 'seed')},
        'derivedSeeds': {'targets': string(derived, 'targets', 'derivedSeeds'),
                         'inspectors': string(derived, 'inspectors', 'derivedSeeds')},
        'frame': {'algorithm': string(frame, 'algorithm', 'frame'), 'ids': [],
                  'strata': [], 'sealed': nullable_string(frame, 'sealed', 'frame'),
                  'hash': string(frame, 'hash', 'frame')},
        'excluded': {'count': integer(excluded, 'count', 'excluded'), 'hash': string(excluded, 'hash', 'excluded')},
        'targets': [],
        'inspectors': None,
    }
    for key in ('id', 'frozenAt', 'seedAt'):
        string(session, key, 'session')
    for i, w in enumerate(arr(session.get('witnesses'), 'session.witnesses')):
        if not isinstance(w, str):
            raise Unreadable('session.witnesses[%d] must be a string' % i)
    for i, x in enumerate(arr(frame.get('ids'), 'frame.ids')):
        if not isinstance(x, str):
            raise Unreadable('frame.ids[%d] must be a string' % i)
        r['frame']['ids'].append(x)
    for i, s in enumerate(arr(frame.get('strata'), 'frame.strata')):
        p = 'frame.strata[%d]' % i
        s = obj(s, p)
        r['frame']['strata'].append({'name': string(s, 'name', p), 'size': integer(s, 'size', p),
                                     'allocation': integer(s, 'allocation', p)})
    for i, t in enumerate(arr(o.get('targets'), 'targets')):
        p = 'targets[%d]' % i
        t = obj(t, p)
        r['targets'].append({'id': string(t, 'id', p), 'ticket': string(t, 'ticket', p)})
    if o.get('inspectors') is not None or 'inspectors' not in o:
        ins = obj(o.get('inspectors'), 'inspectors')
        slots = []
        for j, s in enumerate(arr(ins.get('slots'), 'inspectors.slots')):
            p = 'inspectors.slots[%d]' % j
            s = obj(s, p)
            slots.append({'department': string(s, 'department', p), 'count': integer(s, 'count', p)})
        teams = []
        for i, t in enumerate(arr(ins.get('teams'), 'inspectors.teams')):
            p = 'inspectors.teams[%d]' % i
            t = obj(t, p)
            members = []
            for j, m in enumerate(arr(t.get('members'), p + '.members')):
                q = '%s.members[%d]' % (p, j)
                m = obj(m, q)
                members.append({'inspectorId': string(m, 'inspectorId', q), 'department': string(m, 'department', q),
                                'ticket': string(m, 'ticket', q)})
            teams.append({'targetId': string(t, 'targetId', p), 'members': members})
        r['inspectors'] = {'slots': slots, 'workloadCap': integer(ins, 'workloadCap', 'inspectors'), 'teams': teams}
    if o.get('supersedes') is not None or 'supersedes' not in o:
        sup = obj(o.get('supersedes'), 'supersedes')
        for key in ('drawId', 'reason', 'approvedBy'):
            string(sup, key, 'supersedes')
    return r


def read_strata(doc):
    o = obj(doc, 'strata')
    salt = string(o, 'salt', 'strata')
    assignments = []
    for k, a in enumerate(arr(o.get('assignments'), 'strata.assignments')):
        p = 'strata.assignments[%d]' % k
        a = obj(a, p)
        assignments.append({'id': string(a, 'id', p), 'stratum': string(a, 'stratum', p)})
    return {'salt': salt, 'assignments': assignments}


# ---------------------------------------------------------------------------------------------------------------
# Checks (draw-record.ts "Verification", steps 1-9); the first failure is raised

class Discrepancy(Exception):
    def __init__(self, field, message, expected, found, id=None):
        super().__init__(message)
        self.field, self.message, self.expected, self.found, self.id = field, message, expected, found, id


def frame_text(frame):
    lines = ['ssj-frame-v1', 'algorithm\t' + frame['algorithm'], 'ids\t%d' % len(frame['ids'])]
    for s in sorted(frame['strata'], key=lambda s: s['name']):
        lines.append('stratum\t%s\t%d\t%d' % (s['name'], s['size'], s['allocation']))
    if frame['sealed'] is not None:
        lines.append('sealed\t' + frame['sealed'])
    lines += ['id\t' + i for i in sorted(frame['ids'])]
    return '\n'.join(lines)


def strata_text(strata):
    lines = ['ssj-strata-v1', 'salt\t' + strata['salt']]
    lines += ['%s\t%s' % (a['id'], a['stratum']) for a in sorted(strata['assignments'], key=lambda a: a['id'])]
    return '\n'.join(lines)


def check_seeds(r):
    if r['algorithm'] != ALGORITHM:
        raise Discrepancy('algorithm', 'unknown algorithm version', ALGORITHM, r['algorithm'])
    if r['frame']['algorithm'] != r['algorithm']:
        raise Discrepancy('frame.algorithm', "differs from the record's algorithm", r['algorithm'],
                          r['frame']['algorithm'])
    digits, beacon, value = r['seed']['digits'], r['seed']['beacon'], r['seed']['value']
    if not DIGITS.fullmatch(digits):
        raise Discrepancy('seed.digits', 'the dice digits must be at least 20 digits 0-9', '[0-9]{20,}', digits)
    if beacon is not None and (beacon == '' or CONTROL.search(beacon) or not encodable(beacon)):
        raise Discrepancy('seed.beacon', 'the beacon must be non-empty, without control characters', 'a beacon value',
                          beacon)
    combined = digits if beacon is None else digits + '|' + beacon
    if combined != value:
        raise Discrepancy('seed.value', 'is not digits, or digits + "|" + beacon', combined, value)
    code, batch = r['task']['code'], r['task']['batch']
    if not valid_text(code) or '|' in code:
        raise Discrepancy('task.code', 'the task code must be a valid text without "|"', 'a task code', code)
    if batch < 1:
        raise Discrepancy('task.batch', 'the batch number must be at least 1', '>= 1', str(batch))
    for purpose in ('targets', 'inspectors'):
        expected = '%s|%s|%d|%s' % (value, code, batch, purpose)
        if r['derivedSeeds'][purpose] != expected:
            raise Discrepancy('derivedSeeds.' + purpose, 'is not seed|code|batch|' + purpose, expected,
                              r['derivedSeeds'][purpose])


def check_frame(r):
    frame = r['frame']
    ids, strata, sealed = frame['ids'], frame['strata'], frame['sealed']
    for i, x in enumerate(ids):
        if not valid_text(x):
            raise Discrepancy('frame.ids[%d]' % i, 'not a valid id (empty, TAB/LF/CR, or not UTF-8)', 'a valid id',
                              x, x)
        if i > 0 and not ids[i - 1] < x:
            raise Discrepancy('frame.ids[%d]' % i, 'frame ids must be distinct and in code-point order',
                              'an id after ' + ids[i - 1], x, x)
    names = set()
    total = 0
    for s, stratum in enumerate(strata):
        field = 'frame.strata[%d]' % s
        if not valid_text(stratum['name']) or stratum['name'] in names:
            raise Discrepancy(field + '.name', 'stratum names must be valid and distinct', 'a new name',
                              stratum['name'])
        names.add(stratum['name'])
        if stratum['size'] < 0:
            raise Discrepancy(field + '.size', 'must be >= 0', '>= 0', str(stratum['size']))
        if stratum['allocation'] < 0 or stratum['allocation'] > stratum['size']:
            raise Discrepancy(field + '.allocation', 'the allocation must be between 0 and the size',
                              '0..%d' % stratum['size'], str(stratum['allocation']))
        total += stratum['size']
    if len(strata) == 0 or total != len(ids):
        raise Discrepancy('frame.strata', 'the strata sizes must add up to the number of frame ids', str(len(ids)),
                          'no strata' if len(strata) == 0 else str(total))
    bad_sealed = sealed is not None if len(strata) == 1 else (sealed is None or not HEX64.fullmatch(sealed))
    if bad_sealed:
        raise Discrepancy('frame.sealed',
                          'a frame with one stratum has no sealed hash; with several, 64 lowercase hex digits',
                          'null' if len(strata) == 1 else '64 lowercase hex digits',
                          'null' if sealed is None else sealed)
    computed = sha256_hex(frame_text(frame))
    if computed != frame['hash']:
        raise Discrepancy('frame.hash', 'the frame hash does not match the frame', computed, frame['hash'])


def check_excluded(r):
    count, digest = r['excluded']['count'], r['excluded']['hash']
    if count < 0:
        raise Discrepancy('excluded.count', 'must be >= 0', '>= 0', str(count))
    empty = sha256_hex('')
    if not HEX64.fullmatch(digest) or (count == 0 and digest != empty):
        raise Discrepancy('excluded.hash', 'must be 64 lowercase hex digits, and H("") when nothing is excluded',
                          empty if count == 0 else '64 lowercase hex digits', digest)


def check_targets(r, frame_ids):
    targets = r['targets']
    wanted = sum(s['allocation'] for s in r['frame']['strata'])
    if len(targets) != wanted:
        raise Discrepancy('targets', 'the number of targets is not the total allocation', str(wanted),
                          str(len(targets)))
    ticket_of = make_ticketer(r['derivedSeeds']['targets'])
    seen = set()
    previous = None
    for i, t in enumerate(targets):
        x = t['id']
        if x not in frame_ids:
            raise Discrepancy('targets[%d].id' % i, 'the target is not in the frame', 'a frame id', x, x)
        if x in seen:
            raise Discrepancy('targets[%d].id' % i, 'the target is listed twice', 'a new id', x, x)
        seen.add(x)
        ticket = ticket_of(x)
        if ticket != t['ticket']:
            raise Discrepancy('targets[%d].ticket' % i, 'the ticket is not U(H(targets seed) + id)', ticket,
                              t['ticket'], x)
        if previous is not None and not previous < (ticket, x):
            raise Discrepancy('targets[%d]' % i, 'targets must be listed in ticket order', 'after ' + previous[1], x,
                              x)
        previous = (ticket, x)


def check_strata_file(r, strata, frame_ids):
    sealed = r['frame']['sealed']
    if sealed is None:
        raise Discrepancy('frame.sealed', 'a strata file was given but the frame has no sealed strata',
                          'a sealed hash', 'null')
    if not valid_text(strata['salt']):
        raise Discrepancy('strata.salt', 'the salt must be a valid text', 'a valid text', strata['salt'])
    assigned = set()
    for k, a in enumerate(strata['assignments']):
        if not valid_text(a['id']):
            raise Discrepancy('strata.assignments[%d].id' % k, 'not a valid id', 'a valid id', a['id'], a['id'])
        if not valid_text(a['stratum']):
            raise Discrepancy('strata.assignments[%d].stratum' % k, 'not a valid stratum name', 'a valid name',
                              a['stratum'], a['id'])
        if a['id'] in assigned:
            raise Discrepancy('strata.assignments[%d].id' % k, 'the id is assigned twice', 'a new id', a['id'],
                              a['id'])
        assigned.add(a['id'])
    computed = sha256_hex(strata_text(strata))
    if computed != sealed:
        raise Discrepancy('frame.sealed', 'the strata file does not match the sealed hash', computed, sealed)
    members = {s['name']: [] for s in r['frame']['strata']}
    for k, a in enumerate(strata['assignments']):
        if a['id'] not in frame_ids:
            raise Discrepancy('strata.assignments[%d].id' % k, 'the id is not in the frame', 'a frame id', a['id'],
                              a['id'])
        if a['stratum'] not in members:
            raise Discrepancy('strata.assignments[%d].stratum' % k, 'not a stratum of the frame', 'a frame stratum',
                              a['stratum'], a['id'])
        members[a['stratum']].append(a['id'])
    for x in r['frame']['ids']:
        if x not in assigned:
            raise Discrepancy('strata.assignments', 'a frame id has no stratum', x, 'missing', x)
    for s, stratum in enumerate(r['frame']['strata']):
        count = len(members[stratum['name']])
        if count != stratum['size']:
            raise Discrepancy('frame.strata[%d].size' % s, 'the strata file gives this stratum another size',
                              str(count), str(stratum['size']))
    return members


def check_selection(r, members):
    ticket_of = make_ticketer(r['derivedSeeds']['targets'])
    expected = []
    for stratum in r['frame']['strata']:
        tickets = sorted((ticket_of(x), x) for x in members.get(stratum['name'], []))
        expected += tickets[:stratum['allocation']]
    expected.sort()
    for i, t in enumerate(r['targets']):
        if i < len(expected) and expected[i][1] != t['id']:
            raise Discrepancy('targets[%d].id' % i, 'the targets are not the smallest tickets of their strata',
                              expected[i][1], t['id'], t['id'])


def check_inspectors(r, ins):
    departments = set()
    slot_of = []
    for j, slot in enumerate(ins['slots']):
        if not valid_text(slot['department']) or slot['department'] in departments:
            raise Discrepancy('inspectors.slots[%d].department' % j, 'departments must be valid and distinct',
                              'a new department', slot['department'])
        departments.add(slot['department'])
        if slot['count'] < 1:
            raise Discrepancy('inspectors.slots[%d].count' % j, 'must be >= 1', '>= 1', str(slot['count']))
        slot_of += [slot['department']] * slot['count']
    cap = ins['workloadCap']
    if cap < 1:
        raise Discrepancy('inspectors.workloadCap', 'must be >= 1', '>= 1', str(cap))
    if len(ins['teams']) != len(r['targets']):
        raise Discrepancy('inspectors.teams', 'there must be one team per target', str(len(r['targets'])),
                          str(len(ins['teams'])))
    ticket_of = make_ticketer(r['derivedSeeds']['inspectors'])
    department_of = {}
    load = {}
    for i, (team, target) in enumerate(zip(ins['teams'], r['targets'])):
        base = 'inspectors.teams[%d]' % i
        if team['targetId'] != target['id']:
            raise Discrepancy(base + '.targetId', 'teams must follow the targets', target['id'], team['targetId'],
                              team['targetId'])
        if len(team['members']) != len(slot_of):
            raise Discrepancy(base + '.members', 'the team size is not the total of the slots', str(len(slot_of)),
                              str(len(team['members'])), target['id'])
        in_team = set()
        for j, m in enumerate(team['members']):
            field = '%s.members[%d]' % (base, j)
            who = m['inspectorId']
            if m['department'] != slot_of[j]:
                raise Discrepancy(field + '.department', 'members must follow the slots', slot_of[j],
                                  m['department'], who)
            if not valid_text(who) or who in in_team:
                raise Discrepancy(field + '.inspectorId', 'an inspector serves once per team', 'a new inspector',
                                  who, who)
            in_team.add(who)
            known = department_of.get(who)
            if known is not None and known != m['department']:
                raise Discrepancy(field + '.department', 'the inspector has another department in an earlier team',
                                  known, m['department'], who)
            department_of[who] = m['department']
            ticket = ticket_of(target['id'] + '/' + who)
            if ticket != m['ticket']:
                raise Discrepancy(field + '.ticket',
                                  'the ticket is not U(H(inspectors seed) + targetId + "/" + inspectorId)', ticket,
                                  m['ticket'], who)
            if j > 0:
                previous = team['members'][j - 1]
                if previous['department'] == m['department'] and previous['ticket'] >= m['ticket']:
                    raise Discrepancy(field, 'members of a department must be in ticket order',
                                      'after ' + previous['inspectorId'], who, who)
            load[who] = load.get(who, 0) + 1
            if load[who] > cap:
                raise Discrepancy(field + '.inspectorId', 'the inspector exceeds the workload cap',
                                  'at most %d teams' % cap, '%d teams' % load[who], who)


def verify(r, strata):
    """Runs steps 1-9; returns the report, or raises the first Discrepancy."""
    check_seeds(r)
    check_frame(r)
    check_excluded(r)
    frame_ids = set(r['frame']['ids'])
    check_targets(r, frame_ids)
    members = None
    if strata is not None:
        members = check_strata_file(r, strata, frame_ids)
    elif len(r['frame']['strata']) == 1:
        members = {r['frame']['strata'][0]['name']: list(r['frame']['ids'])}
    notes = []
    if members is None:
        notes.append(SEALED_NOTE)
    else:
        check_selection(r, members)
    if r['inspectors'] is not None:
        check_inspectors(r, r['inspectors'])
    else:
        notes.append('no inspector draw in this record')
    return {
        'recordId': r['id'], 'taskCode': r['task']['code'], 'batch': r['task']['batch'],
        'frameHash': r['frame']['hash'], 'frameSize': len(r['frame']['ids']),
        'strataCount': len(r['frame']['strata']), 'targetCount': len(r['targets']),
        'selection': 'notChecked' if members is None else 'verified', 'strataFileChecked': strata is not None,
        'inspectorTeams': None if r['inspectors'] is None else len(r['inspectors']['teams']), 'notes': notes,
    }


# ---------------------------------------------------------------------------------------------------------------

def load_json(path):
    with open(path, 'r', encoding='utf-8-sig') as f:
        return json.load(f)


def main(argv):
    args = list(argv)
    as_json = '--json' in args
    args = [a for a in args if a != '--json']
    strata_path = None
    if '--strata' in args:
        at = args.index('--strata')
        if at + 1 >= len(args):
            print('usage: verify.py RECORD.json [--strata STRATA.json] [--json]', file=sys.stderr)
            return 2
        strata_path = args[at + 1]
        del args[at:at + 2]
    if len(args) != 1:
        print('usage: verify.py RECORD.json [--strata STRATA.json] [--json]', file=sys.stderr)
        return 2
    try:
        record = read_record(load_json(args[0]))
        strata = None if strata_path is None else read_strata(load_json(strata_path))
    except (OSError, ValueError, Unreadable) as e:
        if as_json:
            print(json.dumps({'ok': False, 'unreadable': str(e)}, ensure_ascii=False))
        else:
            print('verify.py: cannot read the input: %s' % e, file=sys.stderr)
        return 2
    try:
        report = verify(record, strata)
    except Discrepancy as d:
        if as_json:
            print(json.dumps({'ok': False, 'field': d.field, 'id': d.id, 'expected': d.expected, 'found': d.found,
                              'message': d.message}, ensure_ascii=False))
        else:
            about = '' if d.id is None else ' (id %s)' % json.dumps(d.id, ensure_ascii=False)
            print('DISCREPANCY %s%s: %s' % (d.field, about, d.message))
            print('  expected: %s' % d.expected)
            print('  found:    %s' % d.found)
        return 1
    if as_json:
        print(json.dumps(dict(ok=True, **report), ensure_ascii=False))
    else:
        print('OK draw %s, task %s batch %d' % (report['recordId'], report['taskCode'], report['batch']))
        print('  frame %s: %d ids, %d strata' % (report['frameHash'], report['frameSize'], report['strataCount']))
        print('  %d targets: tickets %s' % (report['targetCount'], 'and selection verified'
                                            if report['selection'] == 'verified' else 'verified'))
        if report['inspectorTeams'] is not None:
            print('  %d inspector teams: tickets, slots, order and workload cap verified' % report['inspectorTeams'])
        for note in report['notes']:
            print('  note: ' + note)
    return 0


if __name__ == '__main__':
    sys.stdout.reconfigure(encoding='utf-8')
    sys.exit(main(sys.argv[1:]))
