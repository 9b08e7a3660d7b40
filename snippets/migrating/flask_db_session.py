from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, scoped_session


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


with app.app_context():
    db.create_all()
    db.session.add(User(name="ana"))
    db.session.commit()
    db.engine.echo = True

print(f"{isinstance(db.session, scoped_session)=}")
#> isinstance(db.session, scoped_session)=True
with app.app_context():
    session = db.session()
    ana = db.session.get(User, 1)
    print(f"{db.session() is session=} {ana in session=}")
    #> db.session() is session=True ana in session=True
print(f"{inspect(ana).detached=}")
#> inspect(ana).detached=True

with app.app_context():
    print(f"{db.session() is session=}")
    #> db.session() is session=False

response = app.test_client().get("/users/1")
print(f"{response.status_code=} {response.json=}")
#> response.status_code=200 response.json={'id': 1, 'name': 'ana'}
