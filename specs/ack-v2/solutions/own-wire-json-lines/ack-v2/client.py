import json
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))

s = socket.create_connection((HOST, PORT))
f = s.makefile("rw", encoding="utf-8")
try:
    while True:
        text = input("you> ")
        if text.strip().lower() in ("quit", "exit"):
            break
        f.write(json.dumps({"text": text}) + "\n")
        f.flush()
        answer = f.readline()
        if not answer:
            break
        print("Server received: " + json.loads(answer)["echo"])
        if text.strip().lower() == "bye":
            break
except (EOFError, KeyboardInterrupt):
    print()
f.close()
s.close()
