# Task 3.1 server: receives a JSON object from the client and prints its text.
import json
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen(1)
print("listening on port", PORT)

while True:
    conn, addr = s.accept()
    raw = b""
    try:
        # the client closes when it is done, so read until recv() returns b""
        while True:
            chunk = conn.recv(1024)
            if not chunk:
                break
            raw += chunk
        message = json.loads(raw.decode())
        print("From", addr[0] + ":", message["text"])
    except (ConnectionError, ValueError, KeyError) as e:
        print("could not read the message:", e)
    conn.close()
