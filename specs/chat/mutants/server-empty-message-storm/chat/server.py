import os
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

list_of_clients = []


def broadcast(message, connection):
    for client in list_of_clients:
        if client != connection:
            try:
                client.send(message.encode())
            except Exception:
                client.close()
                remove(client)


def remove(connection):
    if connection in list_of_clients:
        list_of_clients.remove(connection)


def clientthread(conn, addr):
    name = conn.recv(1024).decode().strip()
    list_of_clients.append(conn)
    broadcast("* " + name + " joined\n", conn)
    while True:
        try:
            message = conn.recv(1024).decode().strip()
            broadcast(name + ": " + message + "\n", conn)
        except Exception:
            remove(conn)
            conn.close()
            broadcast("* " + name + " left\n", conn)
            break


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(100)
while True:
    conn, addr = server.accept()
    threading.Thread(target=clientthread, args=(conn, addr), daemon=True).start()
