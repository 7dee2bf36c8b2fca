import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
print("Connected to the server. Type BYE to quit.")

buffer = b""
try:
    while True:
        message = input("You: ")
        client.sendall((message + "\n").encode())
        if message.strip().upper() == "BYE":
            break
        # wait for the whole reply line
        while b"\n" not in buffer:
            chunk = client.recv(1024)
            if not chunk:
                break
            buffer += chunk
        if b"\n" not in buffer:
            print("Server closed the connection")
            break
        line, buffer = buffer.split(b"\n", 1)
        reply = line.decode().strip()
        print("Server:", reply)
        if reply.upper() == "BYE":
            break
except EOFError:
    print("Input closed, leaving the chat")
except ConnectionError:
    print("Connection lost")
client.close()
print("Chat ended")
