package org.goguides.site.render;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The components of one public record class that a template reads as properties, each by a method handle of
 * type {@code (Object)Object} made on its first read (a build reads a few of them millions of times: a handle
 * costs some nanoseconds a call under C1, {@code Method.invoke} about a hundred). Made once per class.
 */
final class RecordAccessors {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<RecordAccessors> BY_CLASS = new ClassValue<>() {
        @Override
        protected RecordAccessors computeValue(Class<?> type) {
            return type.isRecord() && isPublic(type) ? new RecordAccessors(type) : NONE;
        }
    };

    /** Stands for a class that is no public record. */
    private static final RecordAccessors NONE = new RecordAccessors(Object.class);

    private final Map<String, Integer> index = new HashMap<>();
    private final Method[] accessors;
    private final MethodHandle[] getters;

    private RecordAccessors(Class<?> type) {
        RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        accessors = new Method[components.length];
        getters = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            // an accessor that looks like a bean read method (getTitle()) is a property of another name in FreeMarker
            if (isBeanReadMethod(accessor) || isOverloaded(type, accessor)) continue;
            accessors[i] = accessor;
            index.put(components[i].getName(), i);
        }
    }

    /** The accessors of {@code type}, or null when it is no public record (FreeMarker's own model serves it). */
    static RecordAccessors of(Class<?> type) {
        RecordAccessors a = BY_CLASS.get(type);
        return a == NONE ? null : a;
    }

    /** The getter of the component {@code name}, or null when it is none (a method, or no member at all). */
    MethodHandle getter(String name) {
        Integer i = index.get(name);
        if (i == null) return null;
        MethodHandle g = getters[i];
        if (g == null) {
            // a race makes two equal handles; either serves
            g = handle(accessors[i]);
            getters[i] = g;
        }
        return g;
    }

    private static MethodHandle handle(Method accessor) {
        try {
            return MethodHandles.publicLookup().unreflect(accessor).asType(GETTER);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the accessor " + accessor + " of a public record is not public", e);
        }
    }

    /** Whether {@code type} and every class it is nested in are public, so that its accessors can be called from here. */
    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) return false;
        }
        return true;
    }

    /**
     * Whether FreeMarker may take {@code m} for a bean property's read method ({@code getX()}, {@code isX()}, whose rules
     * for the return type are its own): such a component is then a property of another name, so leave all of them to it.
     */
    private static boolean isBeanReadMethod(Method m) {
        String name = m.getName();
        return name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2;
    }

    /** Whether a public method of the same name takes arguments ({@code title(String)}): FreeMarker then picks between them. */
    private static boolean isOverloaded(Class<?> type, Method accessor) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(accessor.getName()) && m.getParameterCount() > 0) return true;
        }
        return false;
    }
}
