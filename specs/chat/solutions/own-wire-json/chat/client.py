# Own wire format: JSON lines (see server.py); prints them for people.
import json
import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

s = socket.create_connection((HOST, PORT))


def listen():
    for raw in s.makefile("rb"):
        e = json.loads(raw)
        if e["event"] == "join":
            print(f"--> {e['who']} joined the room")
        elif e["event"] == "leave":
            print(f"<-- {e['who']} left the room")
        else:
            print(f"[{e['who']}] {e['text']}")
    os._exit(0)


threading.Thread(target=listen, daemon=True).start()
try:
    s.sendall((json.dumps({"name": input("name? ").strip()}) + "\n").encode())
    while True:
        t = input()
        if t.strip():
            s.sendall((json.dumps({"text": t}) + "\n").encode())
except EOFError:
    pass
s.close()
