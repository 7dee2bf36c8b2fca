# Task 3.1 client: the message goes out as a small JSON object.
import json
import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))

message = {"type": "greeting", "text": "HELLO"}

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((HOST, PORT))
s.sendall(json.dumps(message).encode())
s.close()
print("message sent")
