import re, os, sys
base = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'base.save.in')).read().split('\n')
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
def find(lines, pat, start=0):
    for i in range(start, len(lines)):
        if pat in lines[i]: return i
    raise Exception(pat)
def emit(name, lines, expects):
    # expects: list of (lineindex0 in lines, substring); +len(expects) for the header lines
    n = len(expects)
    hdr = ['# expect: %d %s' % (li + 1 + n if li >= 0 else 1, sub) for li, sub in expects]
    open(os.path.join(out, name), 'w').write('\n'.join(hdr + lines))
def sub(name, pat, old, new, msg, start=0):
    L = list(base); i = find(L, pat, start); L[i] = L[i].replace(old, new); emit(name, L, [(i, msg)])
t1 = find(base, 'turn = 1;')
sub('unknown-version.save', 'format = 1;', '1', '3', 'unknown save format 3')
sub('format-wrong-type.save', 'format = 1;', '1', '"1"', "'format' should be an integer")
sub('seed-not-a-number.save', 'seed = ', '"18446744073709551557"', '"12abc"', "'seed' is '12abc'")
sub('seed-too-big.save', 'seed = ', '"18446744073709551557"', '"18446744073709551616"', "below 2^64")
sub('seed-wrong-type.save', 'seed = ', '"18446744073709551557"', '42', "'seed' should be a string")
sub('unknown-action.save', 'nato = ( "deploy poland"', 'deploy poland', 'deplyo poland', "unknown action 'deplyo'", t1)
sub('unknown-region.save', 'nato = ( "deploy poland"', 'deploy poland', 'deploy narnia', "unknown region 'narnia'", t1)
sub('order-not-legal.save', 'russia = ( "buildup ukraine" )', 'buildup ukraine', 'buildup poland', "cannot order 'buildup poland' at that point: a requirement is not met", t1)
sub('order-wrong-side.save', 'russia = ( "buildup ukraine" )', 'buildup ukraine', 'deploy ukraine', "that action belongs to the other side", t1)
sub('order-no-ap.save', 'nato = ( "deploy poland"', '"talks"', '"talks", "deploy ukraine", "summit"', "cannot order 'summit' at that point: not enough action points", t1)
sub('order-repeated.save', 'nato = ( "deploy poland"', '"talks"', '"talks", "deploy poland"', "cannot order 'deploy poland' at that point", t1)
sub('order-not-a-string.save', 'nato = ( "deploy poland"', '"talks"', '7', 'should be a string "ACTION [REGION]"', t1)
sub('order-extra-words.save', 'nato = ( "deploy poland"', 'deploy poland', 'deploy poland now', "bad nato order 'deploy poland now'", t1)
sub('orders-wrong-type.save', 'nato = ( "deploy poland"', '( "deploy poland", "talks" )', '"deploy poland"', "'turns.nato' should be a list", t1)
sub('turn-misnumbered.save', 'turn = 1;', '1', '2', "turn 1 is numbered 2", t1)
sub('digest-mismatch.save', 'digest = ', find and base[find(base,'digest = ',t1)].split('"')[1], '0000000000000000', "turn 1 (2025-Q1) does not replay to its stored digest", t1)
sub('digest-not-hex.save', 'digest = ', base[find(base,'digest = ',t1)].split('"')[1], 'not-a-digest', "should be 16 hex digits", t1)
sub('player-unknown.save', 'player = "human"', 'human', 'robot', "expected human or ai")
sub('ai-level-unknown.save', 'ai = "easy"', 'easy', 'genius', "'players.nato.ai' is 'genius'")
# missing pieces
def drop(name, pat, count, msg, at):
    L = list(base); i = find(L, pat); del L[i:i+count]; emit(name, L, [(at, msg)])
drop('missing-seed.save', 'seed = ', 1, "missing 'seed'", -1)
drop('missing-players.save', 'players : ', 13, "missing 'players'", -1)
L = list(base); i = find(L, 'turns = ( '); j = find(L, 'state : '); del L[i:j]; emit('missing-turns.save', L, [(-1, "missing 'turns'")])
L = list(base); i = find(L, 'ai = "easy"'); del L[i]; emit('missing-ai-level.save', L, [(i - 3, "missing 'players.nato.ai'")])
L = list(base); i = find(L, 'digest = ', t1); del L[i]; emit('missing-digest.save', L, [(t1 - 1, "missing 'turns.digest'")])
# the embedded scenario no longer validates
sc = find(base, 'scenario_file : ')
L = list(base); i = find(L, 'value = 3;', sc); L[i] = L[i].replace('3', '9'); emit('scenario-out-of-range.save', L, [(i, ''), (sc, 'the scenario embedded in this save does not validate')])
L = list(base); i = find(L, 'var = "target.nato_forces"', sc); L[i] = L[i].replace('nato_forces', 'nato_forcez'); emit('scenario-unknown-variable.save', L, [(i, ''), (sc, 'does not validate')])
L = list(base); i = find(L, 'id = "poland";', sc); L[i] = L[i].replace('poland', 'ukraine'); j = find(L, 'id = "ukraine";', i + 1); emit('scenario-duplicate-region.save', L, [(j, 'duplicate'), (sc, 'does not validate')])
drop('scenario-missing.save', 'scenario_file : ', len(base) - sc, "missing 'scenario_file'", -1)
# not a save at all, truncated, empty
emit('empty.save', [''], [(-1, "not a Brink save")])
open(os.path.join(out, 'not-a-save.save'), 'w').write('# expect: 2 syntax error\nThis is not a save file, just words.\n')
L = base[:find(base, 'turn = 2;') + 1]; emit('truncated.save', L, [(len(L) - 1, 'syntax error')])
emit('truncated-at-a-setting.save', base[:find(base, 'state : ')], [(-1, "missing 'scenario_file'")])
# the facilitator's changes (format 2): each checked where it was made
def fac(name, entry, msg_line_offset, msg):
    L = list(base); L[find(L, 'format = 1;')] = 'format = 2;'
    i = find(L, 'turns = ( ')
    L[i:i] = ['facilitator = ( ', entry, ');']
    emit(name, L, [(i + msg_line_offset, msg)])
fac('facilitator-unknown-event.save', '  { after = 0; change = "inject no-such-event"; digest = "0000000000000000"; }', 1, "facilitator change 1: no event 'no-such-event'")
fac('facilitator-out-of-range.save', '  { after = 0; change = "set tension=170"; digest = "0000000000000000"; }', 1, "facilitator change 1: '170' is out of tension's range 0..100")
fac('facilitator-digest-mismatch.save', '  { after = 0; change = "set tension=60"; digest = "0000000000000000"; }', 1, "facilitator change 1 (after turn 0) does not replay to its stored digest")
fac('facilitator-after-the-end.save', '  { after = 40; change = "set tension=60"; digest = "0000000000000000"; }', 1, "facilitator change 1 is after a turn the save does not have")
