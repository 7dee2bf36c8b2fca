# The grader's hands inside each test's own network: it creates a network and mount
# namespace per test (held by a small "holder" process), and makes sockets inside one
# for the grader, handing them over Node's IPC channel (SCM_RIGHTS, in the format of
# Node's own handle passing). Node cannot enter a namespace; a helper that can, and
# stays up for the whole grading process, costs one fork per test instead of a
# process start.
#
# Started by harness/sandbox/helper-channel.ts as: python3 -I -S sandbox-helper.py <root|userns>
# Requests (JSON lines from Node): {"id", "op", ...}; answers: {"id", ...} or
# {"id", "error"}, a socket travelling with its answer.

import ctypes
import errno
import fcntl
import json
import os
import select
import signal
import socket
import struct
import sys

libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_DUMPABLE = 1, 4
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 1

libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]


def check(result, what):
    if result != 0:
        e = ctypes.get_errno()
        raise OSError(e, f'{what}: {os.strerror(e)}')


def mount(source, target, fstype, flags, data=None):
    check(libc.mount(source.encode() if source else None, target.encode(), fstype.encode() if fstype else None, flags,
                     data.encode() if data else None), f'mount {target}')


def die_with_parent():
    check(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), 'prctl')


def bring_loopback_up(extra_addresses):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    flags = struct.unpack('16sH', fcntl.ioctl(s, SIOCGIFFLAGS, struct.pack('16sH22x', b'lo', 0))[:18])[1]
    fcntl.ioctl(s, SIOCSIFFLAGS, struct.pack('16sH22x', b'lo', flags | IFF_UP))
    s.close()
    # Ports below 1024 (53, 54, 59 ...) bound without privileges, as on a laptop with sudo.
    with open('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'w') as f:
        f.write('0')
    for address in extra_addresses:
        # The machine's own address (what its host name resolves to), reachable here as on a laptop.
        pid = os.fork()
        if pid == 0:
            os.execvp('ip', ['ip', 'addr', 'add', f'{address}/32' if ':' not in address else f'{address}/128', 'dev', 'lo'])
        os.waitpid(pid, 0)


def hide(folders):
    """Folders programs must not read (other students' submissions, the grader's own
    solutions) become empty and read-only in the test."""
    for folder in folders:
        try:
            mount('tmpfs', folder, 'tmpfs', MS_NOSUID | MS_NODEV, 'size=4k,mode=0755')
            mount(None, folder, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, 'size=4k,mode=0755')
        except OSError:
            pass  # gone meanwhile: nothing to hide


def private_scratch(scratch, size, binds):
    """Every world-writable folder becomes a fresh tmpfs of `size`: a program can write
    nowhere else, and can fill no more than that. Host folders under them that programs
    must read (the submission, bundled programs) are bound back, read-only."""
    mount(None, '/', None, MS_REC | MS_PRIVATE)
    kept = []
    for path in binds:
        try:
            kept.append((path, os.open(path, os.O_PATH | os.O_DIRECTORY)))
        except OSError:
            pass
    for folder in scratch:
        mount('tmpfs', folder, 'tmpfs', MS_NOSUID | MS_NODEV, f'size={size},mode=1777')
    for path, fd in kept:
        os.makedirs(path, mode=0o755, exist_ok=True)
        mount(f'/proc/self/fd/{fd}', path, None, MS_BIND | MS_REC)
        mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
        os.close(fd)


def run_init():
    """Pid 1 of the test's PID namespace: every program of the test is in it, so when
    this process dies the kernel kills them all, whatever they did (setsid, double
    fork, an empty environment). It reaps orphans until then."""
    os.closerange(3, 1024)
    check(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), 'prctl dumpable')
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGCHLD])
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            signal.sigwait([signal.SIGCHLD])
        except InterruptedError:
            pass


def start_holder(req):
    """Forks the holder: it enters new namespaces, sets them up, starts the test's init,
    says so on its ready pipe, and waits. Returns at once: its pid and its pipes."""
    ready_r, ready_w = os.pipe()
    hold_r, hold_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            run_holder(req, ready_w, hold_r, [ready_r, hold_w])
        finally:
            os._exit(1)  # never back into the helper's loop, whatever happened
    os.close(ready_w)
    os.close(hold_r)
    return {'key': None, 'pid': pid, 'hold': hold_w, 'ready': ready_r}


def run_holder(req, ready_w, hold_r, not_ours):
    for fd in not_ours:
        os.close(fd)
    # Other tests' pipes: a hold pipe kept open here would keep that test's holder from ever ending.
    for other in [*holders.values(), *([prepared['hold'], prepared['ready']] if prepared else [])]:
        os.close(other)
    try:
        die_with_parent()
        check(libc.unshare(CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC), 'unshare')
        bring_loopback_up(req.get('addresses', []))
        private_scratch(req['scratch'], req['size'], req.get('binds', []))
        hide(req.get('hidden', []))
        os.makedirs(req['workRoot'], mode=0o755, exist_ok=True)
        check(libc.unshare(CLONE_NEWPID), 'unshare pid')
        proc_r, proc_w = os.pipe()
        init = os.fork()
        if init == 0:
            os.close(proc_r)
            die_with_parent()
            # Its own /proc: programs see the test's processes only. A user namespace
            # where the host's /proc is partly masked (a container) may refuse it.
            try:
                mount('proc', '/proc', 'proc', MS_NOSUID | MS_NODEV | 16)  # 16: MS_NOEXEC
                os.write(proc_w, b'own')
            except OSError:
                os.write(proc_w, b'host')
            os.close(proc_w)
            run_init()
        os.close(proc_w)
        proc = os.read(proc_r, 16).decode() or 'host'
        os.close(proc_r)
        os.write(ready_w, json.dumps({'init': init, 'proc': proc}).encode())
    except Exception as e:  # told to the grader, which says the sandbox failed
        os.write(ready_w, f'error: {e}'.encode())
        os._exit(1)
    # Held until the helper closes the pipe (close, or the helper's own end).
    os.read(hold_r, 1)
    os.kill(init, signal.SIGKILL)
    os.waitpid(init, 0)
    os._exit(0)


def holder_ready(started):
    """Waits for a holder's word: the answer to open, or an error."""
    status = os.read(started['ready'], 4096).decode()
    os.close(started['ready'])
    if not status.startswith('{'):
        os.close(started['hold'])
        os.waitpid(started['pid'], 0)
        raise OSError(errno.EPERM, status or 'the sandbox holder died')
    holders[started['pid']] = started['hold']
    return {'pid': started['pid'], **json.loads(status)}


def open_sandbox(req):
    """A test's sandbox. The next test's is prepared meanwhile (its namespaces made while
    this test runs): a test then waits for none of the forks and mounts that make one.
    Each is fresh, used by one test only; one made for another request is thrown away."""
    ready = take_prepared(sandbox_key(req))
    answer = None
    if ready:
        try:
            answer = holder_ready(ready)
        except OSError:
            pass  # made afresh below, with its error if it fails again
    if answer is None:
        answer = holder_ready(start_holder(req))
    return answer


def prepare(req):
    """Starts making the sandbox the next open like `req` takes (after this one's answer is sent)."""
    global prepared
    prepared = start_holder(req)
    prepared['key'] = sandbox_key(req)


def sandbox_key(req):
    return json.dumps({k: v for k, v in req.items() if k != 'id'}, sort_keys=True)


def take_prepared(key=None):
    """The prepared sandbox when it was made for `key`; ended otherwise. None is left prepared."""
    global prepared
    ready, prepared = prepared, None
    if ready and ready['key'] != key:
        os.close(ready['ready'])
        end_holder(ready['pid'], ready['hold'])
        return None
    return ready


def end_holder(pid, hold):
    """Tells a holder to end its test (its init dies, and with it every process of the
    test) without waiting: it is reaped later, by reap() or settle()."""
    os.close(hold)
    closing.add(pid)


def close_sandbox(req):
    """Ends the test. The answer does not wait for its processes to be gone: settle does."""
    pid = req['pid']
    for sid in [sid for sid, sniffer in sniffers.items() if sniffer['pid'] == pid]:
        unsniff({'sniffer': sid})
    hold = holders.pop(pid, None)
    if hold is not None:
        end_holder(pid, hold)
    reap()
    return {}


def reap():
    for pid in list(closing):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            closing.discard(pid)


def settle(req):
    """After a grading: no sandbox left, prepared or closing, and every process of every test gone."""
    take_prepared()
    for pid in list(closing):
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        closing.discard(pid)
    return {}


def enter(pid):
    fd = os.open(f'/proc/{pid}/ns/net', os.O_RDONLY)
    try:
        check(libc.setns(fd, CLONE_NEWNET), 'setns')
    finally:
        os.close(fd)


def make_socket(req):
    """A socket inside the test's network: listening (tcp-listen), bound (udp), or fresh (tcp)."""
    enter(req['pid'])
    try:
        host = req.get('host', '127.0.0.1')
        family = socket.AF_INET6 if ':' in host else socket.AF_INET
        kind = req['kind']
        s = socket.socket(family, socket.SOCK_DGRAM if kind == 'udp' else socket.SOCK_STREAM)
        try:
            if family == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)  # '::' takes IPv4 clients too
            if kind == 'tcp-listen':
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind((host, req.get('port', 0)))
                s.listen(128)
            elif kind == 'udp':
                s.bind((host, req.get('port', 0)))
        except OSError:
            s.close()
            raise
        return s
    finally:
        enter_home()


ETH_P_ALL = 0x0003
TCP_SYN, TCP_ACK = 0x02, 0x10


def first_port(packet, protocol, ignore):
    """The destination port of a TCP connection attempt (SYN without ACK) or a UDP
    datagram, IPv4 or IPv6, as `protocol` asks; None for any other packet."""
    if len(packet) < 1:
        return None
    version = packet[0] >> 4
    if version == 4 and len(packet) >= 20:
        transport, payload = packet[9], packet[(packet[0] & 15) * 4:]
    elif version == 6 and len(packet) >= 40:
        transport, payload = packet[6], packet[40:]
    else:
        return None
    if protocol == 'tcp' and transport == 6 and len(payload) >= 14:
        if payload[13] & TCP_SYN and not payload[13] & TCP_ACK:
            return struct.unpack('!H', payload[2:4])[0]
    elif protocol == 'udp' and transport == 17 and len(payload) >= 8:
        port = struct.unpack('!H', payload[2:4])[0]
        if port not in ignore:
            return port
    return None


def start_sniffing(req):
    """Watches the loopback of a test's network for the first connection attempt (or
    datagram) of its programs: a packet socket, read by the main loop. Every packet a
    program sends on loopback is queued here before its send() returns."""
    global next_sniffer
    enter(req['pid'])
    try:
        s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(ETH_P_ALL))
        s.bind(('lo', ETH_P_ALL))
        s.setblocking(False)
    finally:
        enter_home()
    next_sniffer += 1
    sniffers[next_sniffer] = {'socket': s, 'pid': req['pid'], 'protocol': req['protocol'], 'ignore': set(req.get('ignore', [])),
                              'port': None, 'waiting': None}
    return {'sniffer': next_sniffer}


def read_sniffer(sid):
    """Reads what is queued; at the first packet that counts, keeps its port and stops."""
    sniffer = sniffers[sid]
    s = sniffer['socket']
    while s is not None:
        try:
            packet = s.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        port = first_port(packet, sniffer['protocol'], sniffer['ignore'])
        if port is not None:
            sniffer['port'] = port
            stop_sniffer(sid)
            return


def stop_sniffer(sid):
    sniffer = sniffers[sid]
    if sniffer['socket'] is not None:
        sniffer['socket'].close()
        sniffer['socket'] = None
    if sniffer['waiting'] is not None:
        send({'id': sniffer['waiting'], 'port': sniffer['port']})
        sniffers.pop(sid)


def sniffed(req):
    """Answered once the first port is seen, or the watch ends without one."""
    sniffer = sniffers[req['sniffer']]
    sniffer['waiting'] = req['id']
    if sniffer['socket'] is None:
        stop_sniffer(req['sniffer'])


def unsniff(req):
    """Ends a watch: what was queued before now still counts."""
    sid = req['sniffer']
    if sid in sniffers:
        read_sniffer(sid)
        if sid in sniffers:
            stop_sniffer(sid)
    return {}


def enter_home():
    check(libc.setns(home, CLONE_NEWNET), 'setns home')


def send(message, fd=None):
    data = (json.dumps(message) + '\n').encode()
    if fd is None:
        channel.sendall(data)
    else:
        # Node's handle passing: the message and its descriptor in one sendmsg.
        socket.send_fds(channel, [data], [fd])


def handle(req):
    op = req['op']
    if op == 'open':
        send({'id': req['id'], **open_sandbox(req)})
        prepare(req)
    elif op == 'close':
        send({'id': req['id'], **close_sandbox(req)})
    elif op == 'settle':
        send({'id': req['id'], **settle(req)})
    elif op == 'sniff':
        send({'id': req['id'], **start_sniffing(req)})
    elif op == 'sniffed':
        sniffed(req)
    elif op == 'unsniff':
        send({'id': req['id'], **unsniff(req)})
    elif op == 'socket':
        s = make_socket(req)
        # 'net.Native' / 'dgram.Native': Node hands the raw handle to its 'message' listener.
        native = 'dgram.Native' if req['kind'] == 'udp' else 'net.Native'
        send({'cmd': 'NODE_HANDLE', 'type': native, 'msg': {'id': req['id']}}, s.fileno())
        s.close()
    else:
        raise ValueError(f'unknown op {op}')


def become_namespace_root():
    """Unprivileged: a user namespace of our own, where we may create the others."""
    uid, gid = os.getuid(), os.getgid()
    check(libc.unshare(CLONE_NEWUSER), 'unshare user namespace')
    with open('/proc/self/setgroups', 'w') as f:
        f.write('deny')
    with open('/proc/self/uid_map', 'w') as f:
        f.write(f'0 {uid} 1')
    with open('/proc/self/gid_map', 'w') as f:
        f.write(f'0 {gid} 1')
    # Changing credentials made us undumpable; the grader reads /proc/<holder>/root.
    check(libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), 'prctl dumpable')


def own_base_network():
    """A network namespace of the helper's own, from which every test's is made. Its
    tcp_child_ehash_entries gives each test's TCP table a hash of its own: reading
    /proc/<pid>/net/tcp walks every bucket, 262144 of the host's (3.7 ms a read, the
    grader's biggest cost while it waits for a server to listen) or 4096 of the test's."""
    check(libc.unshare(CLONE_NEWNET), 'unshare base network')
    try:
        with open('/proc/sys/net/ipv4/tcp_child_ehash_entries', 'w') as f:
            f.write('4096')
    except OSError:
        pass  # before Linux 6.1: tests share the host's table, slower but alike


holders = {}
# The next test's sandbox, made ahead ({'key', 'pid', 'hold', 'ready'}), and holders told to end, not yet reaped.
prepared = None
closing = set()
sniffers = {}
next_sniffer = 0
channel = socket.socket(fileno=int(os.environ['NODE_CHANNEL_FD']))
die_with_parent()
mode = sys.argv[1] if len(sys.argv) > 1 else 'root'
if mode == 'userns':
    # No way back to the first network namespace from here; none is needed.
    become_namespace_root()
own_base_network()
# Where make_socket returns after entering a test's network.
home = os.open('/proc/self/ns/net', os.O_RDONLY)

pending = b''
while True:
    watched = {sniffer['socket'].fileno(): sid for sid, sniffer in sniffers.items() if sniffer['socket'] is not None}
    try:
        ready, _, _ = select.select([channel, *watched], [], [])
    except InterruptedError:
        continue
    for fd in ready:
        if fd in watched:
            read_sniffer(watched[fd])
    if channel not in ready:
        continue
    try:
        chunk = channel.recv(65536)
    except InterruptedError:
        continue
    if not chunk:
        break  # the grader is gone: the holders die with us (PDEATHSIG)
    pending += chunk
    while b'\n' in pending:
        line, pending = pending.split(b'\n', 1)
        req = json.loads(line)
        if str(req.get('cmd', '')).startswith('NODE_'):
            continue  # Node's acknowledgements of handles
        try:
            handle(req)
        except Exception as e:
            code = errno.errorcode.get(getattr(e, 'errno', None) or 0, '')
            send({'id': req.get('id'), 'error': str(e), 'code': code})
