import os
import socket

server_ip = os.environ.get("HOST", "127.0.0.1")
server_port = int(os.environ.get("PORT", 5000))

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect((server_ip, server_port))


def send_message(message):
    client.send(message.encode("utf-8"))
    response = client.recv(1024).decode("utf-8")
    print(f"Server response: {response}")


while True:
    try:
        user_input = input("Enter a message to send to the server (or 'exit' to quit): ")
    except EOFError:
        break
    send_message(user_input)
    if user_input.lower() == 'exit':
        print("Exiting client.")
        break
client.close()
