import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
f = client.makefile("r")

try:
    while True:
        message = input("You: ")
        client.sendall((message + "\n").encode())
        if message.strip().upper() == "BYE":
            break
        reply = f.readline().strip()
        print("Server:", reply)
        if reply.upper() == "BYE":
            break
except EOFError:
    pass
except ConnectionError:
    print("Connection lost")
client.close()
