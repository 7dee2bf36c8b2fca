import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((HOST, PORT))
buffer = b""


def receive_line():
    global buffer
    while b"\n" not in buffer:
        chunk = client.recv(1024)
        if not chunk:
            return None
        buffer += chunk
    line, buffer = buffer.split(b"\n", 1)
    return line.decode("utf-8")


while True:
    try:
        user_input = input("Enter a message to send to the server (or 'exit' to quit): ")
    except EOFError:
        print("Input closed.")
        break
    client.sendall((user_input + "\n").encode("utf-8"))
    response = receive_line()
    if response is None:
        print("The server closed the connection.")
        break
    print(f"Server response: {response}")
    if user_input.strip().lower() == "exit":
        print("Exiting client.")
        break
client.close()
