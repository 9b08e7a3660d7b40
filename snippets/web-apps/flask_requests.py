from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class User(db.Model):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db.init_app(app)


@app.get("/users")
def list_users():
    users = db.session.execute(db.select(User).order_by(User.id)).scalars()
    return [{"id": user.id, "name": user.name} for user in users]


@app.post("/users")
def create_user():
    user = User(name=request.json["name"])
    db.session.add(user)
    db.session.commit()
    return {"id": user.id, "name": user.name}, 201


@app.put("/users/<int:user_id>")
def rename_user(user_id):
    user = db.get_or_404(User, user_id)
    user.name = request.json["name"]
    return list_users()


with app.app_context():
    db.create_all()
    db.engine.echo = True

client = app.test_client()
response = client.post("/users", json={"name": "ana"})
print(f"{response.status_code=} {response.json=}")
#> response.status_code=201 response.json={'id': 1, 'name': 'ana'}
response = client.put("/users/1", json={"name": "bea"})
print(f"{response.status_code=} {response.json=}")
#> response.status_code=200 response.json=[{'id': 1, 'name': 'bea'}]
response = client.get("/users")
print(f"{response.status_code=} {response.json=}")
#> response.status_code=200 response.json=[{'id': 1, 'name': 'ana'}]
