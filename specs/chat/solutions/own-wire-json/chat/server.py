# Own wire format: JSON, one object a line. In: {"name": ...} first, then {"text": ...}.
# Out: {"event": "join" | "leave", "who": ...} and {"event": "say", "who": ..., "text": ...}.
import json
import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

members = {}
guard = threading.Lock()


def tell_others(me, event):
    line = (json.dumps(event) + "\n").encode()
    with guard:
        for c in list(members):
            if c is not me:
                try:
                    c.sendall(line)
                except OSError:
                    members.pop(c, None)


def member(c):
    who = None
    f = c.makefile("rb")
    try:
        for raw in f:
            try:
                msg = json.loads(raw)
            except ValueError:
                continue
            if who is None and "name" in msg:
                who = str(msg["name"])
                with guard:
                    members[c] = who
                tell_others(c, {"event": "join", "who": who})
            elif who is not None and msg.get("text"):
                tell_others(c, {"event": "say", "who": who, "text": msg["text"]})
    except OSError:
        pass
    with guard:
        members.pop(c, None)
        c.close()
    if who is not None:
        tell_others(c, {"event": "leave", "who": who})


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen(10)
while True:
    c, _ = s.accept()
    threading.Thread(target=member, args=(c,), daemon=True).start()
