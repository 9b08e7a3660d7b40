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


@app.get("/users/<int:user_id>")
def get_user(user_id):
    user = db.get_or_404(User, user_id)
    return {"id": user.id, "name": user.name}


@app.put("/users/<int:user_id>")
def rename_user(user_id):
    user = db.get_or_404(User, user_id)
    user.name = request.json["name"]
    return {"id": user.id, "name": user.name}


with app.app_context():
    db.create_all()
    db.session.add(User(name="ana"))
    db.session.commit()
    db.engine.echo = True

client = app.test_client()
with app.app_context():
    response = client.put("/users/1", json={"name": "bea"})
    print(f"{response.status_code=} {response.json=}")
    #> response.status_code=200 response.json={'id': 1, 'name': 'bea'}
    print(f"{[user.name for user in db.session.dirty]=}")
    #> [user.name for user in db.session.dirty]=['bea']
    response = client.get("/users/1")
    print(f"{response.status_code=} {response.json=}")
    #> response.status_code=200 response.json={'id': 1, 'name': 'bea'}

response = client.get("/users/1")
print(f"{response.status_code=} {response.json=}")
#> response.status_code=200 response.json={'id': 1, 'name': 'ana'}
