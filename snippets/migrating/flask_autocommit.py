from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base, session_options={"autocommit": True})


class User(db.Model):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))


app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db.init_app(app)
print(f"{db.session.session_factory.kw['autocommit']=}")
#> db.session.session_factory.kw['autocommit']=True

with app.app_context():
    db.create_all()
    try:
        db.session.add(User(name="ana"))
    except ArgumentError as error:
        print(f"{type(error).__name__}: {error}")
        #> ArgumentError: autocommit=True is no longer supported
